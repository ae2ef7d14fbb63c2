// The proof behind the watermarks of readAll and of readLog, the subscriptions' read (postgres-read-all.ts):
// transactions commit in another order than they took their log positions while readers follow the log. Readers
// polling readAll and readLog each see every committed event exactly once, in stream order; a naive reader polling
// `position > last` beside them is shown to skip. readLog waits for appenders only, readAll for every transaction.
import { randomUUID } from 'node:crypto';
import { Pool, type PoolClient } from 'pg';
// Spec-only cycle: libs/testing builds its databases with this library's migrations; nothing ships it.
import { eventually, freshDatabase, type FreshDatabase } from '../../testing';
import { anEvent, someEvents } from '../contract/contract-fixtures';
import { comparePositions, type Position, type RecordedEvent } from '../recorded-event';
import { appendToStream } from './postgres-append';
import { appendHorizon } from './postgres-read-all';
import { PostgresEventStore } from './postgres-event-store';

const WRITERS = 8;
const SHARED_STREAMS = 2;
const HELD = 4;
const ABORTED = 2;

/** Polls readAll (or readLog, horizon first) from its last position, like a subscriber's catch-up loop. */
function startLogReader(store: PostgresEventStore, category: string, read: 'readAll' | 'readLog' = 'readAll') {
  const state = { seen: [] as RecordedEvent[], last: undefined as Position | undefined, running: true };
  const done = (async () => {
    while (state.running) {
      const options = { fromPosition: state.last, maxCount: 25, filter: { categories: [category] } };
      const page = read === 'readAll' ? await store.readAll(options) : await store.readLog(options, await appendHorizon(store.pool));
      state.seen.push(...page);
      if (page.length > 0) state.last = page[page.length - 1].position;
      else await new Promise((r) => setTimeout(r, 1));
    }
  })();
  return { state, stop: () => ((state.running = false), done) };
}

/** What a reader without the watermark would do: follow the sequence, `position > last seen`. */
function startNaiveReader(pool: Pool, category: string) {
  const state = { seen: new Set<string>(), last: -1n, running: true };
  const done = (async () => {
    while (state.running) {
      const { rows } = await pool.query<{ id: string; position: string }>(
        `SELECT id::text AS id, position::text AS position FROM event_store.events
          WHERE category = $1 AND position > $2 ORDER BY position LIMIT 25`,
        [category, state.last.toString()],
      );
      rows.forEach((r) => state.seen.add(r.id));
      if (rows.length > 0) state.last = BigInt(rows[rows.length - 1].position);
      else await new Promise((r) => setTimeout(r, 1));
    }
  })();
  return { state, stop: () => ((state.running = false), done) };
}

describe('readAll while transactions commit out of order', () => {
  let db: FreshDatabase;
  let store: PostgresEventStore;
  let raw: Pool;

  beforeAll(async () => {
    db = await freshDatabase('order');
    store = new PostgresEventStore({ connectionString: db.appUrl, poolSize: WRITERS + 4 });
    raw = new Pool({ connectionString: db.appUrl, max: HELD + ABORTED + 2 });
  });
  afterAll(async () => {
    await store?.close();
    await raw?.end();
    await db?.drop();
  });

  /** Appends through the store's own SQL inside a transaction that is left open until `release` resolves. */
  async function heldAppend(
    streamId: string,
    count: number,
    release: (position: Position) => Promise<void>,
    end: 'COMMIT' | 'ROLLBACK',
    twice = false,
  ): Promise<string[]> {
    const client: PoolClient = await raw.connect();
    try {
      await client.query('BEGIN');
      const events = someEvents(count);
      const result = await appendToStream(client, streamId, events, 'no-stream');
      await release(result.position);
      // A second append, after others committed past the first: one transaction's positions straddle their commits.
      if (twice) {
        const again = someEvents(count);
        events.push(...again);
        await release((await appendToStream(client, `${streamId}-again`, again, 'no-stream')).position);
      }
      await client.query(end);
      return events.map((e) => e.id);
    } finally {
      client.release();
    }
  }

  it('returns every committed event exactly once and in stream order, where a naive reader skips', async () => {
    const category = `ord${randomUUID().slice(0, 8)}`;
    const reader = startLogReader(store, category);
    const logReader = startLogReader(store, category, 'readLog');
    const naive = startNaiveReader(raw, category);

    let writing = true;
    const writers = Array.from({ length: WRITERS }, async (_, w) => {
      let revision = -1;
      for (let i = 0; writing || i < 10; i++) {
        // Own streams with revisions checked, and streams every writer races on with 'any'.
        if (i % 3 === 2) {
          await store.append(`${category}-shared${i % SHARED_STREAMS}`, someEvents(1 + (i % 2)), 'any');
        } else {
          revision = (await store.append(`${category}-w${w}`, someEvents(1 + (i % 3)), revision < 0 ? 'no-stream' : revision)).lastRevision;
        }
      }
    });

    // Each held transaction stays open until later transactions committed and the naive reader moved past its
    // positions, so it commits (or aborts) strictly out of order.
    const passedBy = (position: Position) => eventually(() => naive.state.last > position.prepare, 10_000, 1).then(() => undefined);
    const held = Array.from({ length: HELD }, (_, i) => heldAppend(`${category}-held${i}`, 3, passedBy, 'COMMIT', i % 2 === 1));
    const aborted = Array.from({ length: ABORTED }, (_, i) => heldAppend(`${category}-aborted${i}`, 2, passedBy, 'ROLLBACK'));
    const heldIds = (await Promise.all(held)).flat();
    const abortedIds = (await Promise.all(aborted)).flat();
    writing = false;
    await Promise.all(writers);

    const { rows: committed } = await raw.query<{ id: string }>('SELECT id::text AS id FROM event_store.events WHERE category = $1', [category]);
    await eventually(() => reader.state.seen.length >= committed.length && logReader.state.seen.length >= committed.length, 10_000);
    await reader.stop();
    await logReader.stop();
    await naive.stop();

    // The scenario really was out of order: the naive reader lost every event of the held transactions.
    expect(heldIds).toHaveLength(HELD * 3 + (HELD / 2) * 3);
    expect(heldIds.filter((id) => naive.state.seen.has(id))).toEqual([]);
    for (const { state } of [reader, logReader]) {
      // Lost none, repeated none, and returned nothing that was rolled back.
      const seenIds = state.seen.map((e) => e.id);
      expect(seenIds).toHaveLength(committed.length);
      expect(new Set(seenIds)).toEqual(new Set(committed.map((r) => r.id)));
      expect(seenIds.filter((id) => abortedIds.includes(id))).toEqual([]);
      // In log order: positions strictly increasing, and every stream in revision order from 0.
      state.seen.slice(1).forEach((e, i) => expect(comparePositions(state.seen[i].position, e.position)).toBeLessThan(0));
      const revisions = new Map<string, number[]>();
      for (const e of state.seen) revisions.set(e.streamId, [...(revisions.get(e.streamId) ?? []), e.revision]);
      for (const list of revisions.values()) expect(list).toEqual(list.map((_, i) => i));
    }
  }, 30_000);

  it('holds readers back while an older transaction is open, and an aborted one leaves no gap to wait for', async () => {
    const category = `gap${randomUUID().slice(0, 8)}`;
    const later = anEvent();
    let laterPosition: Position | undefined;
    const whileOpen: RecordedEvent[][] = [];
    await heldAppend(
      `${category}-aborted`,
      2,
      async () => {
        laterPosition = (await store.append(`${category}-later`, [later], 'no-stream')).position;
        // Committed, yet not returned: the open transaction could still commit before it in the log.
        whileOpen.push(await store.readAll({ filter: { categories: [category] } }));
        whileOpen.push(await store.readLog({ filter: { categories: [category] } }, await appendHorizon(store.pool)));
      },
      'ROLLBACK',
    );
    expect(whileOpen).toEqual([[], []]);
    const after = await eventually(async () => {
      const events = await store.readAll({ filter: { categories: [category] } });
      if (events.length === 0) throw new Error('still held back');
      return events;
    });
    expect(after.map((e) => e.id)).toEqual([later.id]);
    expect(after[0].position).toEqual(laterPosition);
  });
  it('readLog waits for appenders only: a transaction holding an xid but inserting no event holds readAll back, not readLog', async () => {
    const category = `by${randomUUID().slice(0, 8)}`;
    const bystander = await raw.connect();
    try {
      await bystander.query('BEGIN');
      await bystander.query('SELECT pg_current_xact_id()');
      const appended = anEvent();
      await store.append(`${category}-1`, [appended], 'no-stream');
      const filter = { categories: [category] };
      expect(await store.readAll({ filter })).toEqual([]);
      const horizon = await appendHorizon(store.pool);
      expect(horizon.oldestAppender).toBeNull();
      expect((await store.readLog({ filter }, horizon)).map((e) => e.id)).toEqual([appended.id]);
    } finally {
      await bystander.query('ROLLBACK');
      bystander.release();
    }
  });

  it('refuses events from a transaction that had an xid before it appended (ES002), and keeps nothing of it', async () => {
    const streamId = `late${randomUUID().slice(0, 8)}-1`;
    const client = await raw.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_current_xact_id()');
      await expect(appendToStream(client, streamId, someEvents(2), 'no-stream')).rejects.toMatchObject({ code: 'ES002' });
      await client.query('ROLLBACK');
      // The same transaction shape appending first is an appender from the start and may append again.
      await client.query('BEGIN');
      await appendToStream(client, streamId, someEvents(1), 'no-stream');
      await client.query('SELECT pg_current_xact_id()');
      await appendToStream(client, `${streamId}-again`, someEvents(1), 'no-stream');
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    const { rows } = await raw.query<{ stream_id: string }>('SELECT stream_id FROM event_store.events WHERE stream_id LIKE $1 ORDER BY position', [`${streamId}%`]);
    expect(rows.map((r) => r.stream_id)).toEqual([streamId, `${streamId}-again`]);
  });
  it('readLog waits for a prepared transaction that appended, and returns its events once COMMIT PREPARED ran', async () => {
    const category = `twopc${randomUUID().slice(0, 8)}`;
    const filter = { categories: [category] };
    const gid = `es-test-${randomUUID()}`;
    const prepared = someEvents(1);
    const client = await raw.connect();
    try {
      await client.query('BEGIN');
      // No NOTIFY in the transaction: PostgreSQL cannot prepare one that notified.
      await appendToStream(client, `${category}-1`, prepared, 'no-stream', { notify: 'none' });
      await client.query(`PREPARE TRANSACTION '${gid}'`);
    } finally {
      client.release();
    }
    try {
      const later = anEvent();
      await store.append(`${category}-2`, [later], 'no-stream');
      // The prepared transaction has no backend any more, yet it may still commit below the later event.
      expect(await store.readLog({ filter }, await appendHorizon(store.pool))).toEqual([]);
      await raw.query(`COMMIT PREPARED '${gid}'`);
      const after = await store.readLog({ filter }, await appendHorizon(store.pool));
      expect(after.map((e) => e.id)).toEqual([prepared[0].id, later.id]);
    } finally {
      await raw.query(`ROLLBACK PREPARED '${gid}'`).catch(() => undefined);
    }
  });
});
