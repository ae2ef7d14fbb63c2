/**
 * Gives each new notification its place in its recipient's inbox, at the very end of the projection's transaction
 * (after the subscription saved its checkpoint, just before COMMIT), then wakes that recipient's readers.
 *
 * Why at the end, and why this way:
 * - The cursor must never skip: a reader that has seen seq 7 must never later find a 6 committing. So a recipient's
 *   numbers come from its counter row (`inbox_sequences`), bumped by `INSERT ... ON CONFLICT DO UPDATE SET
 *   last_seq = last_seq + n RETURNING` (insert-if-missing and increment in one statement). The row stays locked
 *   until COMMIT, so a second transaction writing for the same recipient waits, then numbers after the first: the
 *   items of one recipient commit in sequence order, and `seq > after` misses none.
 * - Several partitions project at once, each batch touching several recipients. Taking counter rows one event at a
 *   time would lock them in event order and two batches could deadlock (A then B against B then A). Collected
 *   here and taken once, in sorted recipient order, they cannot, and are held only for the last statements.
 * - Never repeats: an item whose (recipient, id) is already in the inbox (a redelivered or replayed event) is
 *   dropped before it takes a number.
 * - `pg_notify` inside the transaction is delivered on COMMIT, so a woken reader always finds the items.
 *
 * The hook is TypeORM's `beforeTransactionCommit`, on the read models' DataSource: the projection's transaction is
 * a TypeORM transaction (ReadModelTransaction.manager), so the items and the checkpoint still commit together, or
 * roll back together (a failure here fails the batch, which the subscription retries).
 */
import type { ReadModelTransaction } from '@ics2/platform';
import type { EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { TRADER_INTERFACE_SCHEMA } from '../database/schema';
import type { NotificationMessageType } from './notification';
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

const ITEMS = `${TRADER_INTERFACE_SCHEMA}.notification_items`;
const SEQUENCES = `${TRADER_INTERFACE_SCHEMA}.inbox_sequences`;

class InboxSequencer implements EntitySubscriberInterface {
  private readonly pending = new WeakMap<QueryRunner, PendingNotification[]>();

  /** Keeps `items` for the end of `tx`; they are written, numbered and announced just before it commits. */
  enqueue(tx: ReadModelTransaction, items: readonly PendingNotification[]): void {
    const runner = tx.manager.queryRunner;
    if (!runner?.isTransactionActive) throw new Error('notifications are written only inside a read-model transaction');
    const subscribers = tx.manager.dataSource.subscribers;
    if (!subscribers.includes(this)) subscribers.push(this);
    const list = this.pending.get(runner) ?? [];
    list.push(...items);
    this.pending.set(runner, list);
  }

  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const items = this.pending.get(event.queryRunner);
    if (!items) return;
    this.pending.delete(event.queryRunner);
    await writeInOrder(event.queryRunner, items);
  }

  beforeTransactionRollback(event: TransactionRollbackEvent): void {
    this.pending.delete(event.queryRunner);
  }
}

export const inboxSequencer = new InboxSequencer();

async function query<Row>(runner: QueryRunner, sql: string, params: unknown[]): Promise<Row[]> {
  // Structured result: plain `query` returns [rows, count] for some statements.
  return (await runner.query(sql, params, true)).records as Row[];
}

async function writeInOrder(runner: QueryRunner, items: readonly PendingNotification[]): Promise<void> {
  const unique = [...new Map(items.map((i) => [`${i.recipient} ${i.id}`, i])).values()];
  const taken = await query<{ recipient: string; id: string }>(
    runner,
    `SELECT recipient, id::text AS id FROM ${ITEMS} WHERE (recipient, id) IN (SELECT r, i FROM unnest($1::text[], $2::uuid[]) AS t(r, i))`,
    [unique.map((i) => i.recipient), unique.map((i) => i.id)],
  );
  const known = new Set(taken.map((t) => `${t.recipient} ${t.id}`));
  const fresh = unique.filter((i) => !known.has(`${i.recipient} ${i.id}`));
  if (fresh.length === 0) return;

  const counts = new Map<string, number>();
  for (const item of fresh) counts.set(item.recipient, (counts.get(item.recipient) ?? 0) + 1);
  const recipients = [...counts.keys()].sort();
  // Sorted input, so every transaction locks counter rows in the same order.
  const bumped = await query<{ recipient: string; last_seq: string }>(
    runner,
    `INSERT INTO ${SEQUENCES} AS s (recipient, last_seq)
     SELECT r, n FROM unnest($1::text[], $2::bigint[]) AS t(r, n) ORDER BY r
     ON CONFLICT (recipient) DO UPDATE SET last_seq = s.last_seq + EXCLUDED.last_seq
     RETURNING recipient, last_seq::text AS last_seq`,
    [recipients, recipients.map((r) => counts.get(r))],
  );
  const next = new Map(bumped.map((b) => [b.recipient, BigInt(b.last_seq) - BigInt(counts.get(b.recipient) ?? 0) + 1n]));
  const seqs = fresh.map((item) => {
    const seq = next.get(item.recipient) as bigint;
    next.set(item.recipient, seq + 1n);
    return seq.toString();
  });

  await query(
    runner,
    `INSERT INTO ${ITEMS} (recipient, seq, id, message_type, mrn, lrn, created_at, payload, source_event_id)
     SELECT r, s, i, t, m, l, c, p::jsonb, e
     FROM unnest($1::text[], $2::bigint[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::text[], $9::uuid[]) AS x(r, s, i, t, m, l, c, p, e)`,
    [
      fresh.map((i) => i.recipient),
      seqs,
      fresh.map((i) => i.id),
      fresh.map((i) => i.messageType),
      fresh.map((i) => i.mrn),
      fresh.map((i) => i.lrn),
      fresh.map((i) => i.createdAt),
      fresh.map((i) => JSON.stringify(i.payload)),
      fresh.map((i) => i.sourceEventId),
    ],
  );
  await query(runner, `SELECT pg_notify('${INBOX_CHANNEL}', r)::text FROM unnest($1::text[]) AS r`, [recipients]);
}
