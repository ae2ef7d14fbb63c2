import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per crisis alert, in delivery order (migration 20261220-0003-crisis-alerts). */
@Entity({ name: 'crisis_alerts' })
export class CrisisAlertRow {
  /** bigint: TypeORM hands it over as a string. */
  @PrimaryColumn({ type: 'bigint' }) seq!: string;
  @Column({ type: 'text', name: 'alert_id' }) alertId!: string;
  @Column({ type: 'integer' }) revision!: number;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) description!: string;
  @Column({ type: 'boolean', name: 'all_member_states' }) allMemberStates!: boolean;
  @Column({ type: 'text', name: 'member_states', array: true }) memberStates!: string[];
  @Column({ type: 'text', name: 'rif_id', nullable: true }) rifId!: string | null;
  @Column({ type: 'text', name: 'published_by' }) publishedBy!: string;
  @Column({ type: 'timestamptz', name: 'published_at' }) publishedAt!: Date;
}
