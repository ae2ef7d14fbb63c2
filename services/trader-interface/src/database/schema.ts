/**
 * trader-interface's tables live in schema `trader_interface`, created by these migrations as the schema owner
 * (npm start, or the migration job), never by TypeORM. Append a new migration; never edit a merged one.
 */
import type { ReadModelMigrations } from '@ics2/platform';
import { notificationInbox } from './migrations/20261210-0001-notification-inbox';
import { riskParties } from './migrations/20261215-0001-risk-parties';
import { notificationItemsByMrn } from './migrations/20261230-0001-notification-items-by-mrn';
import { idempotencyKeys } from './migrations/20261231-0001-idempotency-keys';
import { riskPartiesMemberFilers } from './migrations/20261231-0002-risk-parties-member-filers';

export const TRADER_INTERFACE_SCHEMA = 'trader_interface';

export const traderInterfaceMigrations: ReadModelMigrations = {
  schema: TRADER_INTERFACE_SCHEMA,
  migrations: [notificationInbox, riskParties, notificationItemsByMrn, idempotencyKeys, riskPartiesMemberFilers],
};
