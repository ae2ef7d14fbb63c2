/**
 * control-results's tables live in schema `control_results`, created by these migrations as the schema owner (npm
 * start, or the container's init step), never by TypeORM. Append a new migration; never edit a merged one.
 */
import type { ReadModelMigrations } from '@ics2/platform';
import { controlCases } from './migrations/20261201-0001-control-cases';
import { criteriaStatistics } from './migrations/20261201-0002-criteria-statistics';
import { controlCasesGreeceAsGr } from './migrations/20261202-0001-control-cases-greece-as-gr';
import { criteriaStatisticsGreeceAsGr } from './migrations/20261203-0001-criteria-statistics-greece-as-gr';

export const CONTROL_RESULTS_SCHEMA = 'control_results';

export const controlResultsMigrations: ReadModelMigrations = {
  schema: CONTROL_RESULTS_SCHEMA,
  migrations: [controlCases, criteriaStatistics, controlCasesGreeceAsGr, criteriaStatisticsGreeceAsGr],
};
