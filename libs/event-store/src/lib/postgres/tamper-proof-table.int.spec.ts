import { Client } from 'pg';
// Spec-only cycle: libs/testing builds its databases with this library's migrations; nothing ships it.
import { freshDatabase, type FreshDatabase } from '../../testing';
import { aStream, refusal, someEvents } from '../contract/contract-fixtures';
import { eventHash, GENESIS_HASH } from '../integrity/hash-chain';
import { APPEND_ONLY_SQLSTATE } from './migrate';
import { PostgresEventStore } from './postgres-event-store';

const PERMISSION_DENIED = '42501';

/** The events table cannot be changed through the application's role, nor (without a deliberate bypass) by anyone. */
describe('event_store.events is append-only', () => {
  let db: FreshDatabase;
  let store: PostgresEventStore;
  let app: Client;
  let admin: Client;
  let streamId: string;

  beforeAll(async () => {
    db = await freshDatabase('tamper');
    store = new PostgresEventStore({ connectionString: db.appUrl, poolSize: 2 });
    app = new Client({ connectionString: db.appUrl });
    await app.connect();
    admin = await db.admin();
    streamId = aStream();
    await store.append(streamId, someEvents(2), 'no-stream');
  });
  afterAll(async () => {
    await Promise.all([app?.end(), store?.close()]);
    await db?.drop();
  });

  // SQL as functions of the stream: the names of it.each are needed before beforeAll made the stream.
  const changes: [string, (stream: string) => string][] = [
    ['UPDATE', (stream) => `UPDATE event_store.events SET data = '{"n": 99}' WHERE stream_id = '${stream}'`],
    ['UPDATE of no row', () => `UPDATE event_store.events SET data = '{}' WHERE false`],
    ['DELETE', (stream) => `DELETE FROM event_store.events WHERE stream_id = '${stream}'`],
    ['TRUNCATE', () => 'TRUNCATE event_store.events'],
  ];

  describe("through the application's role", () => {
    it.each(changes)('%s: permission denied', async (_change, sql) => {
      expect(await refusal(app.query(sql(streamId)))).toMatchObject({ code: PERMISSION_DENIED });
    });

    it.each([
      ['position', `INSERT INTO event_store.events (position, stream_id, category, stream_hash, revision, id, type, data, metadata, recorded_at, hash)
        VALUES (1, 'x-1', 'x', 1, 0, gen_random_uuid(), 'T', '{}', '{}', now(), '')`],
      ['transaction_id', `INSERT INTO event_store.events (transaction_id, stream_id, category, stream_hash, revision, id, type, data, metadata, recorded_at, hash)
        VALUES ('1', 'x-1', 'x', 1, 0, gen_random_uuid(), 'T', '{}', '{}', now(), '')`],
    ])('permission denied for choosing an event’s %s in the log', async (_column, sql) => {
      expect(await refusal(app.query(sql))).toMatchObject({ code: PERMISSION_DENIED });
    });

    it('cannot write an event past append_events, even one whose hash fits its chain', async () => {
      // A backdated third event, hashed onto the stream's head: before 009 the column INSERT grant let it in.
      const [, head] = await store.readStream(streamId);
      const content = { ...head, id: '0190f1a0-0000-7000-8000-00000000b4c3', revision: 2, recordedAt: '2020-01-01T00:00:00.000Z' };
      const sql = `INSERT INTO event_store.events (stream_id, category, stream_hash, revision, id, type, data, metadata, recorded_at, hash)
        SELECT stream_id, category, stream_hash, $2, $3, type, data, metadata, $4, $5 FROM event_store.events WHERE stream_id = $1 AND revision = 1`;
      const params = [streamId, content.revision, content.id, content.recordedAt, eventHash(content, head.hash as string)];
      expect(await refusal(app.query(sql, params))).toMatchObject({ code: PERMISSION_DENIED });
      expect(await refusal(app.query("SELECT nextval('event_store.events_position_seq')"))).toMatchObject({ code: PERMISSION_DENIED });
      // The door the application has: append_events, which sets revision, recorded_at and hash itself.
      await store.append(streamId, someEvents(1), 1);
      const events = await store.readStream(streamId);
      expect(events.map((e) => e.revision)).toEqual([0, 1, 2]);
      expect(Date.parse(events[2].recordedAt)).toBeGreaterThanOrEqual(Date.parse(events[1].recordedAt));
      expect(eventHash(events[2], events[1].hash as string)).toBe(events[2].hash);
    });

    it('cannot switch the guard off', async () => {
      expect(await refusal(app.query('ALTER TABLE event_store.events DISABLE TRIGGER events_append_only'))).toMatchObject({
        code: PERMISSION_DENIED,
      });
      expect(await refusal(app.query('SET session_replication_role = replica'))).toMatchObject({ code: PERMISSION_DENIED });
    });

    it('cannot touch the migration records, but may write tables added to the schema later', async () => {
      expect(await refusal(app.query('SELECT * FROM event_store.schema_migrations'))).toMatchObject({ code: PERMISSION_DENIED });
      await admin.query('CREATE TABLE event_store.later_state (k text PRIMARY KEY, v int)');
      await app.query(`INSERT INTO event_store.later_state VALUES ('a', 1)`);
      await app.query(`UPDATE event_store.later_state SET v = 2 WHERE k = 'a'`);
      await app.query(`DELETE FROM event_store.later_state WHERE k = 'a'`);
    });
  });

  describe('as the superuser', () => {
    it.each(changes)('%s is refused by the append-only trigger', async (_change, sql) => {
      expect(await refusal(admin.query(sql(streamId)))).toMatchObject({ code: APPEND_ONLY_SQLSTATE });
    });

    it('only a deliberate bypass (session_replication_role = replica) changes a row, and the hash chain shows it', async () => {
      await admin.query('SET session_replication_role = replica');
      try {
        await admin.query(`UPDATE event_store.events SET data = '{"n": 99}' WHERE stream_id = $1 AND revision = 0`, [streamId]);
      } finally {
        await admin.query('SET session_replication_role = DEFAULT');
      }
      const [changed] = await store.readStream(streamId, { maxCount: 1 });
      expect(changed.data).toEqual({ n: 99 });
      expect(eventHash(changed, GENESIS_HASH)).not.toBe(changed.hash);
    });
  });
});
