import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per control case (migration 20261201-0001-control-cases). */
@Entity({ name: 'control_cases' })
export class ControlCaseRow {
  @PrimaryColumn({ type: 'text' }) mrn!: string;
  @PrimaryColumn({ type: 'text', name: 'case_id' }) caseId!: string;
  @Column({ type: 'integer' }) revision!: number;
  @Column({ type: 'text' }) status!: string;
  @Column({ type: 'text', name: 'member_state_of_control' }) memberStateOfControl!: string;
  @Column({ type: 'text', name: 'responsible_member_state' }) responsibleMemberState!: string;
  @Column({ type: 'text', name: 'involved_member_states', array: true }) involvedMemberStates!: string[];
  @Column({ type: 'text', name: 'control_type' }) controlType!: string;
  @Column({ type: 'timestamptz', name: 'opened_at' }) openedAt!: Date;
}
