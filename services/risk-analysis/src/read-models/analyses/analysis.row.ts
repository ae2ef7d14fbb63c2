import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RiskHit } from '@ics2/contracts';

export interface ReferralView {
  readonly reference: string;
  readonly kind: string;
  readonly status: 'open' | 'answered';
  readonly houseDocuments: string[];
}

/** One row per analysis (migration 20261201-0002-analyses). */
@Entity({ name: 'analyses' })
export class AnalysisRow {
  @PrimaryColumn({ type: 'text' }) mrn!: string;
  @PrimaryColumn({ type: 'text', name: 'analysis_id' }) analysisId!: string;
  @Column({ type: 'integer' }) revision!: number;
  @Column({ type: 'text' }) phase!: string;
  @Column({ type: 'text' }) status!: string;
  @Column({ type: 'text', name: 'responsible_member_state' }) responsibleMemberState!: string;
  @Column({ type: 'text', name: 'involved_member_states', array: true }) involvedMemberStates!: string[];
  @Column({ type: 'jsonb' }) hits!: RiskHit[];
  @Column({ type: 'integer', name: 'total_score' }) totalScore!: number;
  @Column({ type: 'jsonb' }) criteria!: { id: string; version: number }[];
  @Column({ type: 'text', array: true }) dismissed!: string[];
  @Column({ type: 'jsonb' }) referrals!: ReferralView[];
  @Column({ type: 'timestamptz', name: 'analysed_at' }) analysedAt!: Date;
  @Column({ type: 'timestamptz', name: 'due_at' }) dueAt!: Date;
  @Column({ type: 'boolean' }) escalated!: boolean;
  /** RiskAnalysed.manualReview; null on rows projected before the column (migration 20261231-0001). */
  @Column({ type: 'boolean', name: 'manual_review', nullable: true }) manualReview!: boolean | null;
}

/**
 * An open row that is a held no-hit pre-arrival analysis (domain/risk/decide/held-pre-arrival.ts `isHeld`): nothing
 * else leaves a pre-arrival analysis with no hit and no manual review open. A row whose manual review is unknown
 * (projected before the column) is not taken for held.
 */
export const HELD_SQL = `phase = 'pre-arrival' AND hits = '[]'::jsonb AND manual_review IS FALSE`;
export const isHeldRow = (row: AnalysisRow): boolean => row.status === 'awaiting-risk-unit' && row.phase === 'pre-arrival' && row.hits.length === 0 && row.manualReview === false;
