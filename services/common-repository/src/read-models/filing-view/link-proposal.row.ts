import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One proposal of the linking timer (migration 20261201-0005-link-proposals), kept whether or not still open. */
@Entity({ name: 'link_proposals' })
export class LinkProposalRow {
  @PrimaryColumn({ type: 'text', name: 'master_mrn' }) masterMrn!: string;
  @PrimaryColumn({ type: 'text', name: 'candidate_mrn' }) candidateMrn!: string;
  @Column({ type: 'text', name: 'house_document' }) houseDocument!: string;
  @Column({ type: 'text', name: 'matched_on', array: true }) matchedOn!: string[];
  @Column({ type: 'timestamptz', name: 'proposed_at' }) proposedAt!: Date;
}
