import type { SqlMigration } from '@ics2/event-store';

/**
 * A house learns that the master heading its ENS was presented (EnsPresentationNoted): the 200-day timer stops then
 * (ics2-reference 10), so the expiry no longer picks it. Rows projected before this migration get the column by a
 * replay of common-repository.filing-view; until then the decider still refuses to expire such a house.
 */
export const filingViewEnsPresented: SqlMigration = {
  id: '20261202-0002-filing-view-ens-presented',
  sql: `
    ALTER TABLE common_repository.filing_view ADD COLUMN ens_presented_at timestamptz;
    DROP INDEX common_repository.filing_view_unpresented_idx;
    CREATE INDEX filing_view_unpresented_idx ON common_repository.filing_view (registered_at)
      WHERE status NOT IN ('presented', 'invalidated', 'rejected') AND ens_presented_at IS NULL;`,
};
