import type { SqlMigration } from '@ics2/event-store';

/**
 * The linking timer's proposals (EnsLinkProposed), one row per master and candidate house: the responsible Member
 * State's queue for manual linking (ListLinkProposals). Whether a proposal is still open follows from filing_view.
 */
export const linkProposals: SqlMigration = {
  id: '20261201-0005-link-proposals',
  sql: `
    CREATE TABLE common_repository.link_proposals (
      master_mrn     text        NOT NULL,
      candidate_mrn  text        NOT NULL,
      house_document text        NOT NULL,
      -- what the candidate shares with the master: container, shipping-marks
      matched_on     text[]      NOT NULL,
      proposed_at    timestamptz NOT NULL,
      PRIMARY KEY (master_mrn, candidate_mrn)
    );
    CREATE INDEX link_proposals_proposed_idx ON common_repository.link_proposals (proposed_at, master_mrn, candidate_mrn);`,
};
