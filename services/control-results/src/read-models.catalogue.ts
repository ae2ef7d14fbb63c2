/**
 * control-results's read models, declared once: the live subscriptions start from here
 * (subscriptions/read-models.subscription.ts) and replay (`src/replay.ts`) rebuilds from here, so they cannot
 * drift. The intake processor (open-control-case) appends control events and is not a read model.
 */
import type { ReadModelCatalogue } from '@ics2/platform';
import { controlResultsMigrations } from './database/schema';
import { ControlCaseRow } from './read-models/control-cases/control-case.row';
import { projectControlCase } from './read-models/control-cases/control-cases.projection';
import { statisticsFactsProjection } from './read-models/criteria-statistics/statistics-facts.projection';

export const CONTROL_CASES_SUBSCRIPTION = 'control-results.control-cases';
export const STATISTICS_SUBSCRIPTION = 'control-results.statistics';
export const STATISTICS_EVENT_TYPES = ['RiskAnalysed', 'RiskHitDismissed', 'RiskAssessmentCompleted', 'DoNotLoadIssued', 'ControlResultRecorded'];

export const readModelCatalogue: ReadModelCatalogue = {
  service: 'control-results',
  migrations: controlResultsMigrations,
  entities: [ControlCaseRow],
  projections: [
    { name: CONTROL_CASES_SUBSCRIPTION, filter: { categories: ['control'] }, partitions: 2, tables: [{ table: 'control_cases', key: ['mrn', 'case_id'] }], handler: () => projectControlCase },
    {
      name: STATISTICS_SUBSCRIPTION,
      filter: { categories: ['risk', 'control'], eventTypes: STATISTICS_EVENT_TYPES },
      partitions: 2,
      batchSize: 200,
      tables: [
        { table: 'hit_facts', key: ['mrn', 'analysis_id', 'criterion_id', 'version', 'house'] },
        { table: 'control_facts', key: ['mrn', 'case_id', 'criterion_id', 'version'] },
      ],
      // A control's facts come from its case as of the result: the stream read from the (live) store.
      handler: ({ store }) => statisticsFactsProjection(store),
    },
  ],
};
