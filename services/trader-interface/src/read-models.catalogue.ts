/**
 * trader-interface's read models, declared once: the live subscription starts from here
 * (notifications/notifications.subscription.ts) and replay (`src/replay.ts`) rebuilds from here, so they cannot
 * drift. Its only projection is the notification inbox; every table of the schema is one of its own but the doors'
 * Idempotency-Keys.
 */
import type { ReadModelCatalogue } from '@ics2/platform';
import { traderInterfaceMigrations } from './database/schema';
import { FilingIndexRow } from './notifications/filing-index.row';
import { NotificationItemRow } from './notifications/notification-item.row';
import { NOTIFICATION_CATEGORIES } from './notifications/notification-rules.table';
import { notificationsProjection } from './notifications/notifications.projection';

export const NOTIFICATIONS_SUBSCRIPTION = 'trader-interface.notifications';

export const readModelCatalogue: ReadModelCatalogue = {
  service: 'trader-interface',
  migrations: traderInterfaceMigrations,
  // The same as NOTIFICATIONS_ENTITIES (not imported: notifications.module.ts imports the subscription, which imports this).
  entities: [NotificationItemRow, FilingIndexRow],
  projections: [
    {
      name: NOTIFICATIONS_SUBSCRIPTION,
      filter: { categories: NOTIFICATION_CATEGORIES },
      /**
       * Fixed: the checkpoints are kept per partition, and a different count is refused at start. A category added
       * to the filter needs no change here (checkpoints are positions in the global log), but the live subscription
       * reads the new category only from its checkpoints on: events of it recorded before are projected by a rebuild.
       */
      partitions: 4,
      tables: [
        {
          // By (recipient, id), not the cursor (recipient, seq): ids are name-based from the source event.
          table: 'notification_items',
          key: ['recipient', 'id'],
          ignore: [{ column: 'seq', why: "a recipient's items from several streams are numbered in the order the partitions committed them" }],
        },
        // last_seq is how many items the recipient has, whichever order they were numbered in.
        { table: 'inbox_sequences', key: ['recipient'] },
        { table: 'filing_index', key: ['mrn'] },
        { table: 'risk_parties', key: ['mrn', 'analysis_id'] },
      ],
      handler: notificationsProjection,
    },
  ],
  notReplayed: [{ table: 'idempotency_keys', why: "write-side guard: each sender's Idempotency-Keys and the message each names, taken by the doors before they forward it" }],
};
