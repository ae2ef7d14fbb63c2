import { Injectable } from '@nestjs/common';
import { ReadModelDatabase } from '@ics2/platform';

export interface OpenLinkProposal {
  readonly masterMrn: string;
  readonly masterDocument: string | null;
  readonly houseDocument: string;
  readonly candidateMrn: string;
  readonly candidateMasterDocument: string | null;
  readonly matchedOn: string[];
  readonly proposedAt: Date;
  readonly masterState: string;
  readonly candidateState: string;
}

export const PROPOSALS_DEFAULT_LIMIT = 100;
export const PROPOSALS_MAX_LIMIT = 500;

/**
 * The open link proposals of the masters a Member State is responsible for. Open is read from filing_view, not
 * stored: the master still waits (registered, pending completeness, or arrived and missing a house invalidated
 * since) and still misses the house document, and the candidate is neither closed nor linked to any master, so a
 * link made by hand or by a later filing closes it.
 */
@Injectable()
export class LinkProposalsQuery {
  constructor(private readonly db: ReadModelDatabase) {}

  async open(memberState: string, limit: number, masterMrn?: string): Promise<OpenLinkProposal[]> {
    const take = Math.min(Math.max(limit || PROPOSALS_DEFAULT_LIMIT, 1), PROPOSALS_MAX_LIMIT);
    const rows: Record<string, unknown>[] = await this.db.manager.query(
      `SELECT p.master_mrn, m.master_document, p.house_document, p.candidate_mrn, c.master_document AS candidate_master_document,
              p.matched_on, p.proposed_at, m.status AS master_state, c.status AS candidate_state
         FROM common_repository.link_proposals p
         JOIN common_repository.filing_view m ON m.mrn = p.master_mrn
         JOIN common_repository.filing_view c ON c.mrn = p.candidate_mrn
        WHERE m.responsible_member_state = $1
          AND ($3::text IS NULL OR p.master_mrn = $3)
          AND m.status IN ('registered', 'pending-completeness', 'arrived')
          AND p.house_document = ANY (m.missing)
          AND c.status NOT IN ('invalidated', 'rejected')
          AND c.linked = '[]'::jsonb
        ORDER BY p.proposed_at, p.master_mrn, p.candidate_mrn
        LIMIT $2`,
      [memberState, take, masterMrn || null],
    );
    return rows.map((r) => ({
      masterMrn: r.master_mrn as string,
      masterDocument: r.master_document as string | null,
      houseDocument: r.house_document as string,
      candidateMrn: r.candidate_mrn as string,
      candidateMasterDocument: r.candidate_master_document as string | null,
      matchedOn: r.matched_on as string[],
      proposedAt: r.proposed_at as Date,
      masterState: r.master_state as string,
      candidateState: r.candidate_state as string,
    }));
  }
}
