import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RifFeedback } from '@ics2/contracts';

/** A recipient Member State's latest feedback on a RIF, and how many it recorded (migration 20261220-0001-rifs). */
@Entity({ name: 'rif_feedback' })
export class RifFeedbackRow {
  @PrimaryColumn({ type: 'text', name: 'rif_id' }) rifId!: string;
  @PrimaryColumn({ type: 'text', name: 'member_state' }) memberState!: string;
  @Column({ type: 'text', name: 'user_id' }) userId!: string;
  @Column({ type: 'jsonb' }) feedback!: RifFeedback;
  @Column({ type: 'timestamptz', name: 'recorded_at' }) recordedAt!: Date;
  @Column({ type: 'integer' }) updates!: number;
}
