import type { SqlMigration } from '@ics2/event-store';

/**
 * Whether the responsible Member State reviews the analysis itself (RiskAnalysed.manualReview): with it a row tells a
 * held no-hit pre-arrival analysis (listed as held, never escalated) from one the risk unit reviews. NULL for rows
 * projected before it (unknown: treated as not held) until a replay fills it.
 */
export const analysesManualReview: SqlMigration = {
  id: '20261231-0001-analyses-manual-review',
  sql: `ALTER TABLE risk_analysis.analyses ADD COLUMN manual_review boolean;`,
};
