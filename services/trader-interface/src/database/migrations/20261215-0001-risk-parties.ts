import type { SqlMigration } from '@ics2/event-store';

/**
 * Whom a risk analysis's outcome is told to (notifications/risk-parties.ts): the person filing and the carrier of
 * each analysis, from its RiskAnalysed, written by the subscription `trader-interface.notifications` in its
 * transaction. RiskAssessmentCompleted names only the analysis; its IE3N03 goes to these parties. Nothing else
 * writes the table, and it never leaves the service.
 */
export const riskParties: SqlMigration = {
  id: '20261215-0001-risk-parties',
  sql: `
    CREATE TABLE trader_interface.risk_parties (
      -- the risk stream's MRN (the ENS head's) and the analysis within it (<phase>-<n>)
      mrn           text NOT NULL,
      analysis_id   text NOT NULL,
      person_filing text NOT NULL,
      carrier       text,
      PRIMARY KEY (mrn, analysis_id)
    );`,
};
