import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EnsFiling } from '@ics2/contracts';

export interface LinkedRef {
  readonly mrn: string;
  readonly level: string;
  readonly houseDocument: string;
}

/** One row per filing (migration 20261201-0002-filing-view). Replies name their fields; this row never leaves the service. */
@Entity({ name: 'filing_view' })
export class FilingViewRow {
  @PrimaryColumn({ type: 'text' }) mrn!: string;
  @Column({ type: 'integer' }) revision!: number;
  @Column({ type: 'text' }) lrn!: string;
  @Column({ type: 'text', name: 'filing_type' }) filingType!: string;
  @Column({ type: 'text' }) level!: string;
  @Column({ type: 'text' }) status!: string;
  @Column({ type: 'text', name: 'filed_by' }) filedBy!: string;
  @Column({ type: 'text' }) declarant!: string;
  @Column({ type: 'text', nullable: true }) representative!: string | null;
  @Column({ type: 'text', nullable: true }) carrier!: string | null;
  @Column({ type: 'text', array: true }) parties!: string[];
  @Column({ type: 'timestamptz', name: 'registered_at' }) registeredAt!: Date;
  @Column({ type: 'timestamptz', name: 'amended_at', nullable: true }) amendedAt!: Date | null;
  @Column({ type: 'timestamptz', name: 'arrived_at', nullable: true }) arrivedAt!: Date | null;
  @Column({ type: 'text', name: 'arrival_mrn', nullable: true }) arrivalMrn!: string | null;
  @Column({ type: 'timestamptz', name: 'presented_at', nullable: true }) presentedAt!: Date | null;
  /**
   * When part of its ENS was presented (migration 20261202-0002): a house's master, or a master's first presented
   * house. Its 200-day timer stopped then.
   */
  @Column({ type: 'timestamptz', name: 'ens_presented_at', nullable: true }) ensPresentedAt!: Date | null;
  /** The presented filing `ensPresentedAt` comes from (migration 20261203-0001): a house's master, a master's house. */
  @Column({ type: 'text', name: 'ens_presented_mrn', nullable: true }) ensPresentedMrn!: string | null;
  @Column({ type: 'timestamptz', name: 'invalidated_at', nullable: true }) invalidatedAt!: Date | null;
  @Column({ type: 'text', name: 'responsible_member_state', nullable: true }) responsibleMemberState!: string | null;
  @Column({ type: 'text', name: 'involved_member_states', array: true }) involvedMemberStates!: string[];
  @Column({ type: 'text', name: 'master_document', nullable: true }) masterDocument!: string | null;
  @Column({ type: 'text', name: 'house_documents', array: true }) houseDocuments!: string[];
  @Column({ type: 'text', name: 'transport_means', nullable: true }) transportMeans!: string | null;
  @Column({ type: 'text', name: 'conveyance_reference', nullable: true }) conveyanceReference!: string | null;
  @Column({ type: 'timestamptz', name: 'estimated_arrival', nullable: true }) estimatedArrival!: Date | null;
  @Column({ type: 'jsonb' }) linked!: LinkedRef[];
  @Column({ type: 'text', array: true }) missing!: string[];
  @Column({ type: 'text', nullable: true }) consistency!: string | null;
  @Column({ type: 'boolean', name: 'control_noted' }) controlNoted!: boolean;
  @Column({ type: 'jsonb' }) filing!: EnsFiling;
}
