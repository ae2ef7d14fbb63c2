import { randomUUID } from 'node:crypto';
import { Client, Pool } from 'pg';
// Spec-only cycle: libs/testing builds its databases with this library's migrations; nothing ships it.
import { freshDatabase, type FreshDatabase } from '../../testing';
import { anEvent, anEventOfSize, aStream, asAppended, refusal, someEvents } from '../contract/contract-fixtures';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { categoryOf, START } from '../recorded-event';
import { EventStoreUnavailableError, IdempotencyConflictError, WrongExpectedRevisionError } from '../store.errors';
import { runSqlMigrations, migrateEventStore } from './migrate';
import { PostgresEventStore } from './postgres-event-store';
import { partitionOf, streamHashOf } from './postgres-partition';

describeEventStoreContract('PostgreSQL', async (options) => {
  const db = await freshDatabase('es');
  const store = new PostgresEventStore({ connectionString: db.appUrl }, options);
  return {
    store,
    async cleanup() {
      await store.close();
      await db.drop();
    },
  };
});

describe('PostgreSQL event store', () => {
  let db: FreshDatabase;
  let store: PostgresEventStore;
  let admin: Pool;

  beforeAll(async () => {
    db = await freshDatabase('es');
    store = new PostgresEventStore({ connectionString: db.appUrl, poolSize: 8 });
    admin = new Pool({ connectionString: db.adminUrl, max: 4 });
  });
  afterAll(async () => {
    await store?.close();
    await admin?.end();
    await db?.drop();
  });

  const rowCount = async (streamId: string) =>
    Number((await admin.query('SELECT count(*) FROM event_store.events WHERE stream_id = $1', [streamId])).rows[0].count);

  describe('append', () => {
    it("takes by default an append above KurrentDB's default of 1 MiB: a filing of 99,999 houses is one event of several", async () => {
      const streamId = aStream();
      const event = anEventOfSize(2 * 1024 * 1024);
      await store.append(streamId, [event], 'no-stream');
      expect((await store.readStream(streamId)).map(asAppended)).toEqual([event]);
    });

    it('of no events writes nothing and returns the stream as it is, after checking the expectation', async () => {
      const streamId = aStream();
      expect(await store.append(streamId, [], 'no-stream')).toEqual({
        streamId,
        firstRevision: 0,
        lastRevision: -1,
        position: START,
        replayed: false,
      });
      const written = await store.append(streamId, someEvents(2), 'no-stream');
      expect(await store.append(streamId, [], 1)).toEqual({ ...written, firstRevision: 2 });
      expect(await refusal(store.append(streamId, [], 'no-stream'))).toBeInstanceOf(WrongExpectedRevisionError);
      expect(await rowCount(streamId)).toBe(2);
    });

    it.each<[string, () => [string, ReturnType<typeof anEvent>[]]]>([
      ['an empty stream id', () => ['', [anEvent()]]],
      ['an id that is not a uuid', () => [aStream(), [anEvent({ id: 'msg-1' })]]],
      ['an empty type', () => [aStream(), [anEvent({ type: '' })]]],
      ['data that is not JSON', () => [aStream(), [anEvent({ data: { at: 1n } })]]],
      ['data with a NUL character', () => [aStream(), [anEvent({ data: { text: 'a\u0000b' } })]]],
    ])('refuses %s as a programmer error, before writing', async (_case, make) => {
      const [streamId, events] = make();
      const error = await refusal(store.append(streamId, events, 'any'));
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).not.toBeInstanceOf(IdempotencyConflictError);
      expect(await rowCount(streamId)).toBe(0);
    });

    it('is one statement: a row failing inside the database leaves no other row of the batch', async () => {
      await admin.query(`
        CREATE FUNCTION public.refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'poison' USING ERRCODE = 'P0042'; END $$;
        CREATE TRIGGER poison BEFORE INSERT ON event_store.events FOR EACH ROW
          WHEN (NEW.type = 'PoisonRecorded') EXECUTE FUNCTION public.refuse_poison();`);
      try {
        const streamId = aStream();
        const batch = [anEvent(), anEvent(), anEvent({ type: 'PoisonRecorded' }), anEvent()];
        expect(await refusal(store.append(streamId, batch, 'no-stream'))).toMatchObject({ code: 'P0042' });
        expect(await rowCount(streamId)).toBe(0);
      } finally {
        await admin.query('DROP TRIGGER poison ON event_store.events; DROP FUNCTION public.refuse_poison()');
      }
    });

    it('refuses ids already used in another stream', async () => {
      const events = someEvents(2);
      await store.append(aStream(), events, 'no-stream');
      const elsewhere = aStream();
      expect(await refusal(store.append(elsewhere, events, 'no-stream'))).toBeInstanceOf(IdempotencyConflictError);
      expect(await rowCount(elsewhere)).toBe(0);
    });

    it('two identical appends at once: one writes, the other is told it replayed', async () => {
      for (let round = 0; round < 5; round++) {
        const streamId = aStream();
        const events = someEvents(2);
        const results = await Promise.all([1, 2, 3].map(() => store.append(streamId, events, 'no-stream')));
        expect(results.filter((r) => !r.replayed)).toHaveLength(1);
        expect(new Set(results.map((r) => `${r.position.commit}/${r.position.prepare}`)).size).toBe(1);
        expect(await rowCount(streamId)).toBe(2);
      }
    });

    it('takes upper-case uuids as the same ids, stored in lower case', async () => {
      const streamId = aStream();
      const event = anEvent();
      const first = await store.append(streamId, [{ ...event, id: event.id.toUpperCase() }], 'no-stream');
      expect((await store.readStream(streamId))[0].id).toBe(event.id);
      expect(await store.append(streamId, [event], 'no-stream')).toEqual({ ...first, replayed: true });
    });

    it('stores category, partition hash and recorded_at for SQL to filter on', async () => {
      const streamId = `ens-${randomUUID()}`;
      await store.append(streamId, someEvents(1), 'no-stream');
      const [recorded] = await store.readStream(streamId);
      const { rows } = await admin.query(
        `SELECT category, stream_hash, stream_hash % 7 AS partition, recorded_at = $2::timestamptz AS same_instant
           FROM event_store.events WHERE stream_id = $1`,
        [streamId, recorded.recordedAt],
      );
      expect(rows[0]).toEqual({
        category: categoryOf(streamId),
        stream_hash: streamHashOf(streamId),
        partition: partitionOf(streamId, 7),
        same_instant: true,
      });
    });

    it('notifies listeners with the stream category once the append committed', async () => {
      const listener = new Client({ connectionString: db.appUrl });
      await listener.connect();
      try {
        const heard = new Promise<{ channel: string; payload?: string }>((resolve) => listener.once('notification', resolve));
        await listener.query('LISTEN event_store_appended');
        await store.append(`risk-${randomUUID()}`, someEvents(1), 'no-stream');
        expect(await heard).toMatchObject({ channel: 'event_store_appended', payload: 'risk' });
      } finally {
        await listener.end();
      }
    });
  });

  describe('connections', () => {
    it('uses a pool it is given and leaves it open on close', async () => {
      const pool = new Pool({ connectionString: db.appUrl, max: 2 });
      const shared = new PostgresEventStore(pool);
      expect(shared.pool).toBe(pool);
      const streamId = aStream();
      const events = someEvents(1);
      await shared.append(streamId, events, 'no-stream');
      await shared.close();
      expect((await new PostgresEventStore(pool).readStream(streamId)).map(asAppended)).toEqual(events);
      await pool.end();
    });

    it.each([
      ['over TCP (connection refused)', (url: URL) => url.searchParams.delete('host')],
      ['at a Unix socket path with no server (ENOENT)', (url: URL) => url.searchParams.set('host', '/nonexistent-socket-dir')],
    ])('reports an unreachable server as EventStoreUnavailableError: %s', async (_case, reach) => {
      const url = new URL(db.appUrl);
      url.port = '1';
      reach(url);
      const unreachable = new PostgresEventStore({ connectionString: url.toString() });
      try {
        expect(await refusal(unreachable.readStream(aStream()))).toBeInstanceOf(EventStoreUnavailableError);
      } finally {
        await unreachable.close();
      }
    });
  });

  describe('migrations', () => {
    it('migrateEventStore is idempotent and records what it applied', async () => {
      await migrateEventStore(db.adminUrl);
      const { rows } = await admin.query('SELECT id FROM event_store.schema_migrations ORDER BY id');
      expect(rows.map((r) => r.id)).toContain('001-events');
      await migrateEventStore(db.adminUrl);
      expect((await admin.query('SELECT id FROM event_store.schema_migrations ORDER BY id')).rows).toEqual(rows);
    });

    it('concurrent runners take turns: every migration is applied exactly once', async () => {
      const migrations = Array.from({ length: 4 }, (_, i) => ({
        id: `00${i}-step`,
        // Not idempotent on purpose: a second run of any step would fail.
        sql: `CREATE TABLE race_test.step_${i} (id int PRIMARY KEY)`,
      }));
      const plan = { lockKey: 42_4242, table: 'race_test.schema_migrations', migrations };
      const clients = Array.from({ length: 4 }, () => new Client({ connectionString: db.adminUrl }));
      await Promise.all(clients.map((c) => c.connect()));
      try {
        const applied = await Promise.all(clients.map((c) => runSqlMigrations(c, plan)));
        expect(applied.flat().sort()).toEqual(migrations.map((m) => m.id));
      } finally {
        await Promise.all(clients.map((c) => c.end()));
      }
    });

    it('refuses to run when an applied migration was edited', async () => {
      const client = new Client({ connectionString: db.adminUrl });
      await client.connect();
      try {
        const plan = { lockKey: 42_4243, table: 'edit_test.schema_migrations', migrations: [{ id: '001-a', sql: 'SELECT 1' }] };
        await runSqlMigrations(client, plan);
        const edited = { ...plan, migrations: [{ id: '001-a', sql: 'SELECT 2' }] };
        expect(await refusal(runSqlMigrations(client, edited))).toBeInstanceOf(Error);
      } finally {
        await client.end();
      }
    });
  });
});
