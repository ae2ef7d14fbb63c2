import type { SqlMigration } from '@ics2/event-store';

/**
 * ListOpenAnalyses (consult-analyses.query.ts `openAnalysesQuery`): a Member State's open analyses in the queue's
 * total order, analysed_at, mrn, pre-loading before pre-arrival, analysis id. analyses_open_idx had analysed_at
 * alone after the Member State, so every page sorted the Member State's whole open set for its ties; this index has
 * the whole order (the CASE as the query writes it), so a page is read in order up to its LIMIT with no Sort. The
 * phase filter is checked on the rows read in that order: [U] one index for both, as a phase has about half a
 * queue. It leads with the same columns under the same predicate, so analyses_open_idx goes.
 */
export const analysesQueueIndex: SqlMigration = {
  id: '20261231-0002-analyses-queue-index',
  sql: `
    CREATE INDEX analyses_queue_idx ON risk_analysis.analyses
      (responsible_member_state, analysed_at, mrn, (CASE phase WHEN 'pre-loading' THEN 0 ELSE 1 END), analysis_id)
      WHERE status = 'awaiting-risk-unit';
    DROP INDEX risk_analysis.analyses_open_idx;`,
};
