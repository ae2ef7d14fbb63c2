import type { SqlMigration } from '@ics2/event-store';

/** The audit door lists what the inbox delivered for an ENS (AuditSourceService.ListDeliveries): by MRN. */
export const notificationItemsByMrn: SqlMigration = {
  id: '20261230-0001-notification-items-by-mrn',
  sql: `CREATE INDEX notification_items_mrn_idx ON trader_interface.notification_items (mrn, created_at);`,
};
