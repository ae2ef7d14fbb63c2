// The key proof of the PostgreSQL subscription: transactions commit in another order than they took their log
// positions, while the subscriber runs. A naive reader that follows `position > last seen` runs alongside and is
// shown to skip the events of the transactions held open; the subscription must deliver every committed event
// exactly once, in stream order.
import { randomUUID } from 'node:crypto';
import { Pool, type PoolClient } from 'pg';
// Spec-only cycle: libs/testing builds its databases with this library's migrations; nothing ships it.
import { eventually, freshDatabase, type FreshDatabase } from '../../testing';
import type { EventToAppend, RecordedEvent } from '../recorded-event';
import { appendToStream } from './postgres-append';
import { PostgresEventStore } from './postgres-event-store';
import { startPostgresSubscription } from './postgres-subscription';

const CATEGORY = 'ooo';
const WRITERS = 6;
const STREAMS_PER_WRITER = 4;
const HELD_TRANSACTIONS = 6;

function events(count: number): EventToAppend[] {
  return Array.from({ length: count }, () => ({
    id: randomUUID(),
    type: 'OutOfOrderProbeRecorded',
    data: {},
    metadata: { schemaVersion: 1, occurredAt: '2025-01-01T00:00:00.000Z', correlationId: 'ooo', causationId: null, actor: { kind: 'system', component: 'test' } },
  }));
}

/** What a subscriber without the transaction-id watermark would do: poll `position > last seen`. */
function startNaiveReader(pool: Pool) {
  const state = { last: -1n, seen: new Set<string>(), running: true };
  const done = (async () => {
    while (state.running) {
      const { rows } = await pool.query<{ position: string; id: string }>(
        'SELECT position::text AS position, id::text AS id FROM event_store.events WHERE category = $1 AND position > $2 ORDER BY position',
        [CATEGORY, state.last.toString()],
      );
      for (const row of rows) {
        state.seen.add(row.id);
        state.last = BigInt(row.position);
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  })();
  return { state, stop: () => ((state.running = false), done) };
}

describe('PostgreSQL subscription: transactions committing out of order', () => {
  let db: FreshDatabase;
  let store: PostgresEventStore;
  let writer: PostgresEventStore;
  let raw: Pool;
  let bystanderPool: Pool;

  beforeAll(async () => {
    db = await freshDatabase('ooo');
    store = new PostgresEventStore({ connectionString: db.appUrl });
    writer = new PostgresEventStore({ connectionString: db.appUrl, poolSize: WRITERS + 2 });
    raw = new Pool({ connectionString: db.appUrl, max: HELD_TRANSACTIONS + 2 });
    bystanderPool = new Pool({ connectionString: db.appUrl, max: 2 });
    // db.drop() forces connections out: one it terminates emits here, and an unheard 'error' fails the suite.
    for (const pool of [raw, bystanderPool]) pool.on('error', () => undefined);
  });
  afterAll(async () => {
    await Promise.all([store.close(), writer.close(), raw.end(), bystanderPool.end()]);
    await db.drop();
  });

  it('delivers every committed event exactly once and in stream order, where a naive reader skips', async () => {
    const seen: RecordedEvent[] = [];
    const sub = await startPostgresSubscription(store, store.pool, {
      name: 'test.out-of-order',
      filter: { categories: [CATEGORY] },
      partitions: 3,
      batchSize: 7,
      handle: async (e) => void seen.push(e),
    });
    const naive = startNaiveReader(raw);
    const bystanders = Array.from({ length: 2 }, async () => {
      const client = await bystanderPool.connect();
      await client.query('BEGIN');
      await client.query('SELECT pg_current_xact_id()');
      return client;
    });
    await Promise.all(bystanders);

    let writing = true;
    const writers = Array.from({ length: WRITERS }, async (_, w) => {
      const revisions = new Array<number>(STREAMS_PER_WRITER).fill(-1);
      for (let i = 0; writing || i < 10; i++) {
        const s = i % STREAMS_PER_WRITER;
        const r = await writer.append(`${CATEGORY}-w${w}s${s}`, events(1 + (i % 3)), revisions[s] < 0 ? 'no-stream' : revisions[s]);
        revisions[s] = r.lastRevision;
      }
    });

    // Each held transaction takes its positions, then stays open until later transactions have committed and the
    // naive reader has moved past those positions; half of them then append again, to a second stream, and wait
    // again, so that one transaction's positions straddle other transactions' commits.
    const held: string[][] = [];
    const holders = Array.from({ length: HELD_TRANSACTIONS }, async (_, i) => {
      const client: PoolClient = await raw.connect();
      try {
        await client.query('BEGIN');
        const appended = events(3);
        const result = await appendToStream(client, `${CATEGORY}-held${i}`, appended, 'no-stream');
        held.push(appended.map((e) => e.id));
        await eventually(() => naive.state.last > result.position.prepare, 10_000, 2);
        if (i % 2 === 1) {
          const again = events(3);
          const second = await appendToStream(client, `${CATEGORY}-held${i}-again`, again, 'no-stream');
          held.push(again.map((e) => e.id));
          await eventually(() => naive.state.last > second.position.prepare, 10_000, 2);
        }
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    });
    await Promise.all(holders);
    writing = false;
    await Promise.all(writers);

    // Transactions that hold an xid but insert no event (a read-model batch, say) stay open throughout: the
    // subscription waits for appenders only, so it catches up while they run.
    await sub.caughtUp();
    for (const b of bystanders) {
      const client = await b;
      await client.query('ROLLBACK');
      client.release();
    }
    await naive.stop();
    await sub.stop();

    const { rows } = await raw.query<{ id: string; stream_id: string }>(
      'SELECT id::text AS id, stream_id FROM event_store.events WHERE category = $1',
      [CATEGORY],
    );
    // The scenario really is out of order: the naive reader lost every event of every held transaction.
    const heldIds = held.flat();
    expect(heldIds).toHaveLength(HELD_TRANSACTIONS * 3 + (HELD_TRANSACTIONS / 2) * 3);
    expect(heldIds.filter((id) => naive.state.seen.has(id))).toEqual([]);
    // The subscription lost none and repeated none.
    const delivered = new Set(seen.map((e) => e.id));
    expect(rows.filter((r) => !delivered.has(r.id)).map((r) => r.stream_id)).toEqual([]);
    expect(seen.length - delivered.size).toBe(0);
    expect(seen).toHaveLength(rows.length);
    const byStream = new Map<string, number[]>();
    for (const e of seen) byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e.revision]);
    for (const revisions of byStream.values()) expect(revisions).toEqual(revisions.map((_, i) => i));
  }, 30_000);
});
