/**
 * Replay on a real PostgreSQL, with a probe projection running live as a subscription: equal rows give an equal
 * report; a live row changed, deleted or added behind the projection's back is named by table and key; an
 * ignored column is not compared; a lagging live subscription is reported; the scratch database is always gone
 * afterwards, also when the handler fails; and a schema table the catalogue says nothing of stops the replay.
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { migrateEventStore, PostgresEventStore, type EventToAppend, type RunningSubscription } from '@ics2/event-store';
import { freshDatabase, type FreshDatabase } from '@ics2/event-store/testing';
import { migrateReadModels, type ReadModelMigrations } from '../migrate-read-models';
import { ReadModelDatabase, type ReadModelTransaction } from '../read-model-database';
import { projectionSubscription, type ReadModelCatalogue, type ReadModelProjection } from './read-model-catalogue';
import { replayAll, replayReadModel } from './replay-read-model';
import { SCRATCH_DATABASE_PREFIX } from './scratch-database';

const SCHEMA = 'probe_replay';

@Entity({ name: 'parcels' })
class ParcelRow {
  @PrimaryColumn({ type: 'text', name: 'stream_id' }) streamId!: string;
  @Column({ type: 'integer' }) revision!: number;
  @Column({ type: 'text' }) label!: string;
  @Column({ type: 'jsonb' }) tags!: string[];
  @Column({ type: 'timestamptz', name: 'labelled_at' }) labelledAt!: Date;
  @Column({ type: 'bigint', name: 'projected_seq' }) projectedSeq!: string;
  @Column({ type: 'text', nullable: true }) note!: string | null;
}

const migrations: ReadModelMigrations = {
  schema: SCHEMA,
  migrations: [
    {
      id: '20261201-0001-parcels',
      sql: `CREATE TABLE ${SCHEMA}.parcels (stream_id text PRIMARY KEY, revision integer NOT NULL, label text NOT NULL, tags jsonb NOT NULL,
              labelled_at timestamptz NOT NULL, projected_seq bigint NOT NULL, note text);
            CREATE SEQUENCE ${SCHEMA}.projected_seq;
            CREATE TABLE ${SCHEMA}.parcel_reservations (stream_id text PRIMARY KEY);`,
    },
  ],
};

interface Labelled {
  readonly label: string;
  readonly tags: string[];
  readonly at: string;
  readonly fail?: boolean;
}

async function projectParcel(event: { streamId: string; revision: number; data: unknown }, tx: ReadModelTransaction): Promise<void> {
  const d = event.data as Labelled;
  if (d.fail) throw new Error('probe handler fails on purpose');
  // projected_seq numbers rows in the order this database projected them: not a function of the events.
  await tx.query(
    `INSERT INTO ${SCHEMA}.parcels (stream_id, revision, label, tags, labelled_at, projected_seq) VALUES ($1, $2, $3, $4::jsonb, $5, nextval('${SCHEMA}.projected_seq'))
     ON CONFLICT (stream_id) DO UPDATE SET revision = EXCLUDED.revision, label = EXCLUDED.label, tags = EXCLUDED.tags, labelled_at = EXCLUDED.labelled_at`,
    [event.streamId, event.revision, d.label, JSON.stringify(d.tags), d.at],
  );
}

const parcels: ReadModelProjection = {
  name: 'probe.parcels',
  filter: { categories: ['parcel'] },
  partitions: 2,
  batchSize: 3,
  tables: [{ table: 'parcels', key: ['stream_id'], ignore: [{ column: 'projected_seq', why: 'numbered in the order this database projected rows' }] }],
  handler: () => projectParcel,
};

const catalogue: ReadModelCatalogue = {
  service: 'probe',
  migrations,
  entities: [ParcelRow],
  projections: [parcels],
  notReplayed: [{ table: 'parcel_reservations', why: 'a write-side guard of the probe' }],
};

const labelled = (label: string, tags: string[] = [], extra: Partial<Labelled> = {}): EventToAppend => ({
  id: randomUUID(),
  type: 'ParcelLabelled',
  data: { label, tags, at: '2026-12-01T10:00:00.000Z', ...extra },
  metadata: { schemaVersion: 1, occurredAt: '2026-12-01T10:00:00.000Z', correlationId: 'p', causationId: null, actor: { kind: 'system', component: 'probe' } },
});

describe('replayReadModel', () => {
  let db: FreshDatabase;
  let store: PostgresEventStore;
  let readModels: ReadModelDatabase;
  let live: RunningSubscription;
  let admin: Client;
  const urls = () => ({ ownerUrl: db.adminUrl, liveUrl: db.appUrl, catchUpTimeoutMs: 5_000 });
  const scratchDatabases = async () =>
    (await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${SCRATCH_DATABASE_PREFIX}%`])).rows.map((r) => r.datname);

  beforeAll(async () => {
    db = await freshDatabase('replay', async (url) => {
      await migrateEventStore(url);
      await migrateReadModels(url, migrations);
    });
    admin = await db.admin();
    store = new PostgresEventStore({ connectionString: db.appUrl });
    readModels = await ReadModelDatabase.connect(db.appUrl, { schema: SCHEMA, entities: [ParcelRow] }, { poolMax: 4, applicationName: 'replay probe' });
    live = await store.subscribe({ ...projectionSubscription(parcels, { store }), transactions: readModels });
    for (let i = 0; i < 7; i++) await store.append(`parcel-${i}`, [labelled(`box ${i}`), labelled(`box ${i}, strapped`, ['fragile', `n${i}`])], 'no-stream');
    await live.caughtUp();
  }, 30_000);

  afterAll(async () => {
    await live?.stop();
    await readModels?.close();
    await store?.close();
    await db?.drop();
  });

  it('finds the live read model equal to the events, and leaves no scratch database behind', async () => {
    const report = await replayReadModel({ ...urls(), catalogue, projection: 'probe.parcels' });
    expect(report).toMatchObject({ readModel: 'probe.parcels', service: 'probe', equal: true, eventsReplayed: 14, liveCaughtUp: true, liveMovedOn: false });
    expect(report.upTo).toMatch(/^\d+\/\d+$/);
    expect(report.tables).toEqual([
      {
        table: `${SCHEMA}.parcels`,
        key: ['stream_id'],
        ignored: [{ column: 'projected_seq', why: 'numbered in the order this database projected rows' }],
        liveRows: 7,
        replayedRows: 7,
        missing: 0,
        extra: 0,
        different: 0,
        samples: [],
      },
    ]);
    expect(await scratchDatabases()).toEqual([]);
  });

  describe('after the live table was changed behind the projection', () => {
    beforeAll(async () => {
      await admin.query(`UPDATE ${SCHEMA}.parcels SET label = 'tampered', projected_seq = 999 WHERE stream_id = 'parcel-2'`);
      await admin.query(`UPDATE ${SCHEMA}.parcels SET tags = '["fragile"]' WHERE stream_id = 'parcel-3'`);
      await admin.query(`DELETE FROM ${SCHEMA}.parcels WHERE stream_id = 'parcel-5'`);
      await admin.query(`INSERT INTO ${SCHEMA}.parcels VALUES ('parcel-x', 0, 'forged', '[]', now(), 1000, null)`);
    });

    it('names each changed, deleted and added row by its key, and the columns that differ', async () => {
      const report = await replayReadModel({ ...urls(), catalogue, projection: 'probe.parcels' });
      expect(report.equal).toBe(false);
      const [table] = report.tables;
      expect(table).toMatchObject({ table: `${SCHEMA}.parcels`, liveRows: 7, replayedRows: 7, missing: 1, extra: 1, different: 2 });
      expect(table.samples).toEqual([
        { kind: 'different', key: { stream_id: 'parcel-2' }, columns: [{ column: 'label', live: 'tampered', replayed: 'box 2, strapped' }] },
        { kind: 'different', key: { stream_id: 'parcel-3' }, columns: [{ column: 'tags', live: '["fragile"]', replayed: '["fragile", "n3"]' }] },
        { kind: 'missing', key: { stream_id: 'parcel-5' } },
        { kind: 'extra', key: { stream_id: 'parcel-x' } },
      ]);
    });
  });

  it('reports a live subscription that has not projected the head, and is then not equal', async () => {
    await live.stop();
    await store.append('parcel-late', [labelled('late')], 'no-stream');
    const report = await replayReadModel({ ...urls(), catchUpTimeoutMs: 300, catalogue, projection: 'probe.parcels' });
    expect(report).toMatchObject({ liveCaughtUp: false, equal: false, eventsReplayed: 15 });
    expect(report.tables[0].samples).toContainEqual({ kind: 'missing', key: { stream_id: 'parcel-late' } });
  });

  it('drops the scratch database when the handler fails, and says why it failed', async () => {
    await store.append('parcel-bad', [labelled('bad', [], { fail: true })], 'no-stream');
    await expect(replayAll(catalogue, urls())).rejects.toThrow('probe handler fails on purpose');
    expect(await scratchDatabases()).toEqual([]);
  });

  it('refuses a catalogue that says nothing of a table of the schema', async () => {
    await expect(replayReadModel({ ...urls(), catalogue: { ...catalogue, notReplayed: [] }, projection: 'probe.parcels' })).rejects.toThrow(/probe_replay\.parcel_reservations/);
    expect(await scratchDatabases()).toEqual([]);
  });

  it('refuses a catalogue naming a column the table lacks', async () => {
    const typo: ReadModelCatalogue = { ...catalogue, projections: [{ ...parcels, tables: [{ table: 'parcels', key: ['stream'] }] }] };
    await expect(replayReadModel({ ...urls(), catalogue: typo, projection: 'probe.parcels' })).rejects.toThrow(/stream/);
  });

  it('refuses a key column that may be NULL', async () => {
    const nullable: ReadModelCatalogue = { ...catalogue, projections: [{ ...parcels, tables: [{ table: 'parcels', key: ['note'] }] }] };
    await expect(replayReadModel({ ...urls(), catalogue: nullable, projection: 'probe.parcels' })).rejects.toThrow(/NOT NULL: note/);
  });

  it('refuses a read model the catalogue does not declare', async () => {
    await expect(replayReadModel({ ...urls(), catalogue, projection: 'probe.elsewhere' })).rejects.toThrow(/no read model probe\.elsewhere/);
    expect(await scratchDatabases()).toEqual([]);
  });
});
