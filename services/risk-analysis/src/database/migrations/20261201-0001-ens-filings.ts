import type { SqlMigration } from '@ics2/event-store';

/** The filings risk-analysis knows (from ENS events): GetFiling, backtests over past periods, open filings. */
export const ensFilings: SqlMigration = {
  id: '20261201-0001-ens-filings',
  sql: `
    CREATE TABLE risk_analysis.ens_filings (
      mrn                      text        PRIMARY KEY,
      revision                 integer     NOT NULL,
      filing_type              text        NOT NULL,
      level                    text        NOT NULL,
      status                   text        NOT NULL,
      registered_at            timestamptz NOT NULL,
      responsible_member_state text,
      involved_member_states   text[]      NOT NULL DEFAULT '{}',
      -- the ENS this filing heads, once complete (members[0] = this filing)
      members                  text[],
      consistency              jsonb,
      filing                   jsonb       NOT NULL
    );
    CREATE INDEX ens_filings_registered_idx ON risk_analysis.ens_filings (registered_at) WHERE members IS NOT NULL;`,
};
