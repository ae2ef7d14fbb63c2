/**
 * The notification inbox as a keyed feed (@ics2/platform, feeds): one ordered inbox per recipient (EORI) in
 * trader_interface.notification_items, numbered from trader_interface.inbox_sequences (migration 20261210-0001).
 * The platform's sequencer gives each new notification its place in its recipient's inbox at the very end of the
 * projection's transaction, then wakes that recipient's readers; keyed-feed.sequencer.ts says why it never skips
 * and never repeats (counter rows taken once per transaction in sorted recipient order, so partitions never
 * deadlock; known (recipient, id) dropped before numbering; pg_notify delivered on COMMIT).
 */
import { defineKeyedFeed, KeyedFeedSequencer } from '@ics2/platform';
import { TRADER_INTERFACE_SCHEMA } from '../database/schema';
import type { NotificationMessageType } from './notification';
import { NotificationItemRow } from './notification-item.row';
import type { NotificationPayload } from './notification-payloads';

/** The channel readers LISTEN on; the payload is the recipient's EORI. */
export const INBOX_CHANNEL = 'trader_interface_inbox';

/** A notification ready for the inbox, waiting for its sequence number. */
export interface PendingNotification {
  readonly id: string;
  readonly recipient: string;
  readonly messageType: NotificationMessageType;
  readonly mrn: string;
  readonly lrn: string | null;
  /** The source event's recordedAt (ISO-8601). */
  readonly createdAt: string;
  readonly payload: NotificationPayload;
  readonly sourceEventId: string;
}

/** Where the inbox lives and what its own columns are; the table is unchanged from its migration. */
export const INBOX_FEED = defineKeyedFeed<PendingNotification, NotificationItemRow>({
  name: 'notification inbox',
  schema: TRADER_INTERFACE_SCHEMA,
  itemsTable: 'notification_items',
  sequencesTable: 'inbox_sequences',
  keyColumn: 'recipient',
  channel: INBOX_CHANNEL,
  keyOf: (n) => n.recipient,
  idOf: (n) => n.id,
  columns: [
    { name: 'message_type', type: 'text', value: (n) => n.messageType },
    { name: 'mrn', type: 'text', value: (n) => n.mrn },
    { name: 'lrn', type: 'text', value: (n) => n.lrn },
    { name: 'created_at', type: 'timestamptz', value: (n) => n.createdAt },
    { name: 'payload', type: 'jsonb', value: (n) => n.payload },
    { name: 'source_event_id', type: 'uuid', value: (n) => n.sourceEventId },
  ],
  read: (row) =>
    Object.assign(new NotificationItemRow(), {
      recipient: row.key,
      seq: row.seq,
      id: row.id,
      messageType: row['message_type'] as NotificationMessageType,
      mrn: row['mrn'] as string,
      lrn: row['lrn'] as string | null,
      createdAt: row['created_at'] as Date,
      payload: row['payload'] as NotificationPayload,
      sourceEventId: row['source_event_id'] as string,
    }),
});

/** `inboxSequencer.enqueue(tx, items)`: items kept for the end of `tx`, then numbered, written and announced. */
export const inboxSequencer = new KeyedFeedSequencer(INBOX_FEED);
