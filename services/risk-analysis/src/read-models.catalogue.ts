/**
 * risk-analysis's read models, declared once: the live subscriptions start from here
 * (subscriptions/read-models.subscription.ts, signals/signals.subscription.ts) and replay (`src/replay.ts`)
 * rebuilds from here, so they cannot drift. The intake and criteria-change processors analyse (they append risk
 * events), the rif-profiles processor records criteria, and the escalation timer appends too: none of them is a read
 * model.
 */
import type { ReadModelCatalogue } from '@ics2/platform';
import { riskAnalysisMigrations } from './database/schema';
import { projectAnalysis } from './read-models/analyses/analyses.projection';
import { AnalysisRow } from './read-models/analyses/analysis.row';
import { EnsFilingRow } from './read-models/ens-filings/ens-filing.row';
import { projectEnsFiling } from './read-models/ens-filings/ens-filings.projection';
import { SIGNAL_CATEGORIES } from './signals/signal-rules.table';
import { projectSignals } from './signals/signals.projection';

export const ENS_FILINGS_SUBSCRIPTION = 'risk-analysis.ens-filings';
export const ANALYSES_SUBSCRIPTION = 'risk-analysis.analyses';
export const SIGNALS_SUBSCRIPTION = 'risk-analysis.signals';

export const readModelCatalogue: ReadModelCatalogue = {
  service: 'risk-analysis',
  migrations: riskAnalysisMigrations,
  entities: [EnsFilingRow, AnalysisRow],
  projections: [
    { name: ENS_FILINGS_SUBSCRIPTION, filter: { categories: ['ens'] }, partitions: 4, tables: [{ table: 'ens_filings', key: ['mrn'] }], handler: () => projectEnsFiling },
    { name: ANALYSES_SUBSCRIPTION, filter: { categories: ['risk'] }, partitions: 4, tables: [{ table: 'analyses', key: ['mrn', 'analysis_id'] }], handler: () => projectAnalysis },
    {
      name: SIGNALS_SUBSCRIPTION,
      filter: { categories: SIGNAL_CATEGORIES },
      // Fixed: the checkpoints are kept per partition, and a different count is refused at start.
      partitions: 4,
      tables: [
        {
          // By (member_state, id), not the cursor (member_state, seq): ids are name-based from the source event.
          table: 'signals',
          key: ['member_state', 'id'],
          ignore: [{ column: 'seq', why: "a Member State's signals from several risk streams are numbered in the order the partitions committed them" }],
        },
        // last_seq is how many signals the Member State has, whichever order they were numbered in.
        { table: 'signal_sequences', key: ['member_state'] },
        { table: 'signal_analyses', key: ['mrn', 'analysis_id'] },
      ],
      handler: () => projectSignals,
    },
  ],
};
