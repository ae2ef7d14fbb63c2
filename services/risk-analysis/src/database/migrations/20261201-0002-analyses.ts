import type { SqlMigration } from '@ics2/event-store';

/** One row per analysis: the risk units' queue (ListOpenAnalyses), GetAnalysis, the deadline timer. */
export const analyses: SqlMigration = {
  id: '20261201-0002-analyses',
  sql: `
    CREATE TABLE risk_analysis.analyses (
      mrn                      text        NOT NULL,
      analysis_id              text        NOT NULL,
      revision                 integer     NOT NULL,
      phase                    text        NOT NULL,
      status                   text        NOT NULL,
      responsible_member_state text        NOT NULL,
      involved_member_states   text[]      NOT NULL,
      hits                     jsonb       NOT NULL,
      total_score              integer     NOT NULL,
      criteria                 jsonb       NOT NULL,
      dismissed                text[]      NOT NULL DEFAULT '{}',
      referrals                jsonb       NOT NULL DEFAULT '[]',
      analysed_at              timestamptz NOT NULL,
      due_at                   timestamptz NOT NULL,
      escalated                boolean     NOT NULL DEFAULT false,
      PRIMARY KEY (mrn, analysis_id)
    );
    CREATE INDEX analyses_open_idx ON risk_analysis.analyses (responsible_member_state, analysed_at) WHERE status = 'awaiting-risk-unit';
    CREATE INDEX analyses_due_idx ON risk_analysis.analyses (due_at) WHERE status = 'awaiting-risk-unit' AND NOT escalated;`,
};
