/**
 * Gives each new item its place in its key's sequence, at the very end of the projection's transaction (after the
 * subscription saved its checkpoint, just before COMMIT), then wakes that key's readers.
 *
 * Why at the end, and why this way:
 * - The cursor must never skip: a reader that has seen seq 7 must never later find a 6 committing. So a key's
 *   numbers come from its counter row (the feed's sequences table), bumped by `INSERT ... ON CONFLICT DO UPDATE SET
 *   last_seq = last_seq + n RETURNING` (insert-if-missing and increment in one statement). The row stays locked
 *   until COMMIT, so a second transaction writing for the same key waits, then numbers after the first: the items
 *   of one key commit in sequence order, and `seq > after` misses none.
 * - Several partitions project at once, each batch touching several keys. Taking counter rows one event at a time
 *   would lock them in event order and two batches could deadlock (A then B against B then A). Collected here and
 *   taken once, in sorted key order, they cannot, and are held only for the last statements.
 * - Never repeats: an item whose (key, id) is already in the feed (a redelivered or replayed event) is dropped
 *   before it takes a number.
 * - `pg_notify` inside the transaction is delivered on COMMIT, so a woken reader always finds the items.
 *
 * The hook is TypeORM's `beforeTransactionCommit`, on the read models' DataSource: the projection's transaction is
 * a TypeORM transaction (ReadModelTransaction.manager), so the items and the checkpoint still commit together, or
 * roll back together (a failure here fails the batch, which the subscription retries).
 *
 * One sequencer per feed, created once where the feed is defined (a module constant): it keeps its pending items
 * per transaction, so several apps and partitions in one process share it safely.
 */
import type { EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import type { ReadModelTransaction } from '../read-models/read-model-database';
import type { KeyedFeedDefinition } from './keyed-feed.definition';

export class KeyedFeedSequencer<Pending> implements EntitySubscriberInterface {
  private readonly pending = new WeakMap<QueryRunner, Pending[]>();
  private readonly items: string;
  private readonly sequences: string;

  constructor(private readonly feed: KeyedFeedDefinition<Pending, unknown>) {
    this.items = `${feed.schema}.${feed.itemsTable}`;
    this.sequences = `${feed.schema}.${feed.sequencesTable}`;
  }

  /** Keeps `items` for the end of `tx`; they are written, numbered and announced just before it commits. */
  enqueue(tx: ReadModelTransaction, items: readonly Pending[]): void {
    const runner = tx.manager.queryRunner;
    if (!runner?.isTransactionActive) throw new Error(`${this.feed.name}: items are written only inside a read-model transaction`);
    if (items.length === 0) return;
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
    await this.writeInOrder(event.queryRunner, items);
  }

  beforeTransactionRollback(event: TransactionRollbackEvent): void {
    this.pending.delete(event.queryRunner);
  }

  private async writeInOrder(runner: QueryRunner, items: readonly Pending[]): Promise<void> {
    const { keyColumn: k, keyOf, idOf, columns, channel } = this.feed;
    const entryOf = (item: Pending) => `${keyOf(item)} ${idOf(item)}`;
    const unique = [...new Map(items.map((i) => [entryOf(i), i])).values()];
    const taken = await query<{ key: string; id: string }>(
      runner,
      `SELECT ${k} AS key, id::text AS id FROM ${this.items} WHERE (${k}, id) IN (SELECT k, i FROM unnest($1::text[], $2::uuid[]) AS t(k, i))`,
      [unique.map(keyOf), unique.map(idOf)],
    );
    const known = new Set(taken.map((t) => `${t.key} ${t.id}`));
    const fresh = unique.filter((i) => !known.has(entryOf(i)));
    if (fresh.length === 0) return;

    const counts = new Map<string, number>();
    for (const item of fresh) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
    const keys = [...counts.keys()].sort();
    // Sorted input, so every transaction locks counter rows in the same order.
    const bumped = await query<{ key: string; last_seq: string }>(
      runner,
      `INSERT INTO ${this.sequences} AS s (${k}, last_seq)
       SELECT k, n FROM unnest($1::text[], $2::bigint[]) AS t(k, n) ORDER BY k
       ON CONFLICT (${k}) DO UPDATE SET last_seq = s.last_seq + EXCLUDED.last_seq
       RETURNING s.${k} AS key, s.last_seq::text AS last_seq`,
      [keys, keys.map((key) => counts.get(key))],
    );
    const next = new Map(bumped.map((b) => [b.key, BigInt(b.last_seq) - BigInt(counts.get(b.key) ?? 0) + 1n]));
    const seqs = fresh.map((item) => {
      const seq = next.get(keyOf(item)) as bigint;
      next.set(keyOf(item), seq + 1n);
      return seq.toString();
    });

    // jsonb travels as text[] and is cast per row: a jsonb[] parameter would need array-literal escaping.
    const own = columns.map((c, n) => ({ c, param: `$${n + 4}::${c.type === 'jsonb' ? 'text' : c.type}[]`, alias: `c${n}` }));
    await query(
      runner,
      `INSERT INTO ${this.items} (${k}, seq, id${own.map((o) => `, ${o.c.name}`).join('')})
       SELECT k, s, i${own.map((o) => (o.c.type === 'jsonb' ? `, ${o.alias}::jsonb` : `, ${o.alias}`)).join('')}
       FROM unnest($1::text[], $2::bigint[], $3::uuid[]${own.map((o) => `, ${o.param}`).join('')}) AS x(k, s, i${own.map((o) => `, ${o.alias}`).join('')})`,
      [fresh.map(keyOf), seqs, fresh.map(idOf), ...columns.map((c) => fresh.map((item) => valueOf(c.type, c.value(item))))],
    );
    await query(runner, `SELECT pg_notify('${channel}', k)::text FROM unnest($1::text[]) AS k`, [keys]);
  }
}

function valueOf(type: string, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return type === 'jsonb' ? JSON.stringify(value) : value;
}

async function query<Row>(runner: QueryRunner, sql: string, params: unknown[]): Promise<Row[]> {
  // Structured result: plain `query` returns [rows, count] for some statements.
  return (await runner.query(sql, params, true)).records as Row[];
}
