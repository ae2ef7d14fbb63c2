import type { SqlMigration } from '@ics2/event-store';

/**
 * The notification inbox (notifications/): every customs-to-trader message an operator receives, projected from
 * events by the subscription `trader-interface.notifications`, which writes these three tables and its checkpoint
 * in one transaction. Nothing else writes them.
 */
export const notificationInbox: SqlMigration = {
  id: '20261210-0001-notification-inbox',
  sql: `
    -- What the inbox needs to know of a filing, from its EnsFilingRegistered: later events carry only the MRN.
    CREATE TABLE trader_interface.filing_index (
      mrn            text PRIMARY KEY,
      lrn            text NOT NULL,
      filed_by       text NOT NULL,
      declarant      text NOT NULL,
      representative text,
      carrier        text
    );
    -- One counter per recipient: the last sequence number handed out. The projection bumps it at the end of its
    -- transaction (recipients in sorted order), so writers for one recipient commit in sequence order.
    CREATE TABLE trader_interface.inbox_sequences (
      recipient text   PRIMARY KEY,
      last_seq  bigint NOT NULL CHECK (last_seq > 0)
    );
    CREATE TABLE trader_interface.notification_items (
      recipient       text        NOT NULL,
      -- the recipient's own sequence: the cursor (paging reads seq > after through the primary key)
      seq             bigint      NOT NULL CHECK (seq > 0),
      -- name-based from (source event, message type, recipient, key): a redelivered event finds it taken
      id              uuid        NOT NULL,
      message_type    text        NOT NULL,
      mrn             text        NOT NULL,
      lrn             text,
      -- the source event's recordedAt
      created_at      timestamptz NOT NULL,
      payload         jsonb       NOT NULL,
      source_event_id uuid        NOT NULL,
      PRIMARY KEY (recipient, seq),
      CONSTRAINT notification_items_recipient_id_key UNIQUE (recipient, id)
    );`,
};
