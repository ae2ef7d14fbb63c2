/**
 * risk-analysis's tables live in schema `risk_analysis`, created by these migrations as the schema owner (npm start,
 * or the container's init step), never by TypeORM. Append a new migration; never edit a merged one.
 */
import type { ReadModelMigrations } from '@ics2/platform';
import { ensFilings } from './migrations/20261201-0001-ens-filings';
import { analyses } from './migrations/20261201-0002-analyses';
import { signals } from './migrations/20261220-0001-signals';
import { signalsByMrn } from './migrations/20261230-0001-signals-by-mrn';
import { analysesManualReview } from './migrations/20261231-0001-analyses-manual-review';
import { analysesQueueIndex } from './migrations/20261231-0002-analyses-queue-index';

export const RISK_ANALYSIS_SCHEMA = 'risk_analysis';

export const riskAnalysisMigrations: ReadModelMigrations = {
  schema: RISK_ANALYSIS_SCHEMA,
  migrations: [ensFilings, analyses, signals, signalsByMrn, analysesManualReview, analysesQueueIndex],
};
