import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ConsistencyDifference, EnsFiling } from '@ics2/contracts';

/** The filings risk-analysis knows (migration 20261201-0001-ens-filings). */
@Entity({ name: 'ens_filings' })
export class EnsFilingRow {
  @PrimaryColumn({ type: 'text' }) mrn!: string;
  @Column({ type: 'integer' }) revision!: number;
  @Column({ type: 'text', name: 'filing_type' }) filingType!: string;
  @Column({ type: 'text' }) level!: string;
  @Column({ type: 'text' }) status!: string;
  @Column({ type: 'timestamptz', name: 'registered_at' }) registeredAt!: Date;
  @Column({ type: 'text', name: 'responsible_member_state', nullable: true }) responsibleMemberState!: string | null;
  @Column({ type: 'text', name: 'involved_member_states', array: true }) involvedMemberStates!: string[];
  @Column({ type: 'text', array: true, nullable: true }) members!: string[] | null;
  @Column({ type: 'jsonb', nullable: true }) consistency!: { outcome: 'ok' | 'flagged'; differences: ConsistencyDifference[] } | null;
  @Column({ type: 'jsonb' }) filing!: EnsFiling;
}
