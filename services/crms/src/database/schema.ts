/**
 * crms's tables live in schema `crms`, created by these migrations as the schema owner (npm start, or the
 * container's init step), never by TypeORM. Append a new migration; never edit a merged one.
 */
import type { ReadModelMigrations } from '@ics2/platform';
import { rifs } from './migrations/20261220-0001-rifs';
import { campaigns } from './migrations/20261220-0002-campaigns';
import { crisisAlerts } from './migrations/20261220-0003-crisis-alerts';

export const CRMS_SCHEMA = 'crms';

export const crmsMigrations: ReadModelMigrations = {
  schema: CRMS_SCHEMA,
  migrations: [rifs, campaigns, crisisAlerts],
};
