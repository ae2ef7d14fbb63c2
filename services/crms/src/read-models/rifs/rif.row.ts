import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RifContent } from '@ics2/contracts';

export interface BacktestColumn {
  readonly from: string;
  readonly to: string;
  readonly filings: number;
  readonly hit: number;
  readonly sampleMrns: string[];
  readonly backtestedAt: string;
}

/** One row per RIF (migration 20261220-0001-rifs). */
@Entity({ name: 'rifs' })
export class RifRow {
  @PrimaryColumn({ type: 'text', name: 'rif_id' }) rifId!: string;
  @Column({ type: 'integer' }) revision!: number;
  @Column({ type: 'text' }) status!: string;
  @Column({ type: 'text', name: 'author_kind' }) authorKind!: 'member-state' | 'commission';
  @Column({ type: 'text', name: 'author_member_state', nullable: true }) authorMemberState!: string | null;
  @Column({ type: 'text', name: 'author_user_id' }) authorUserId!: string;
  @Column({ type: 'text' }) category!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'jsonb' }) content!: RifContent;
  @Column({ type: 'boolean', name: 'recipients_all' }) recipientsAll!: boolean;
  @Column({ type: 'text', array: true }) recipients!: string[];
  @Column({ type: 'timestamptz', name: 'valid_from' }) validFrom!: Date;
  @Column({ type: 'timestamptz', name: 'valid_to' }) validTo!: Date;
  @Column({ type: 'timestamptz', name: 'drafted_at' }) draftedAt!: Date;
  @Column({ type: 'timestamptz', name: 'published_at', nullable: true }) publishedAt!: Date | null;
  @Column({ type: 'timestamptz', name: 'closed_at', nullable: true }) closedAt!: Date | null;
  @Column({ type: 'text', name: 'close_reason', nullable: true }) closeReason!: string | null;
  @Column({ type: 'timestamptz', name: 'expired_at', nullable: true }) expiredAt!: Date | null;
  @Column({ type: 'jsonb', nullable: true }) backtest!: BacktestColumn | null;
  @Column({ type: 'boolean', name: 'profile_active' }) profileActive!: boolean;
}
