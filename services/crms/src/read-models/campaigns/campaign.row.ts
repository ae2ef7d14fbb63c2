import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface CampaignReportColumn {
  readonly kind: 'interim' | 'final';
  readonly issuedAt: string;
  readonly issuedBy: string;
  readonly report: unknown;
}

/** One row per priority control area campaign (migration 20261220-0002-campaigns). */
@Entity({ name: 'campaigns' })
export class CampaignRow {
  @PrimaryColumn({ type: 'text', name: 'campaign_id' }) campaignId!: string;
  @Column({ type: 'integer' }) revision!: number;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'timestamptz', name: 'period_from' }) periodFrom!: Date;
  @Column({ type: 'timestamptz', name: 'period_to' }) periodTo!: Date;
  @Column({ type: 'text', name: 'member_states', array: true }) memberStates!: string[];
  @Column({ type: 'jsonb' }) criteria!: { id: string; version?: number }[];
  @Column({ type: 'text', name: 'started_by' }) startedBy!: string;
  @Column({ type: 'timestamptz', name: 'started_at' }) startedAt!: Date;
  @Column({ type: 'jsonb' }) reports!: CampaignReportColumn[];
}
