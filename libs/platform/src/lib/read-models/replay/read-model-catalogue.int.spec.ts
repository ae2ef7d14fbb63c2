/**
 * A projection started from its catalogue declaration takes the service's overrides: with `maxAttempts`, the event
 * its handler keeps failing on is parked (row and checkpoint past it in one transaction) and the events around it
 * are projected once each; without it, the partition keeps retrying and parks nothing.
 */
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { migrateEventStore, PostgresEventStore, readParkedEvents, type EventToAppend, type ParkedEvent } from '@ics2/event-store';
import { eventually, freshDatabase, type FreshDatabase } from '@ics2/event-store/testing';
import { migrateReadModels, type ReadModelMigrations } from '../migrate-read-models';
import { ReadModelDatabase, type ReadModelTransaction } from '../read-model-database';
import { projectionSubscription, type ReadModelProjection } from './read-model-catalogue';

const SCHEMA = 'probe_catalogue';

@Entity({ name: 'labels' })
class LabelRow {
  @PrimaryColumn({ type: 'uuid', name: 'event_id' }) eventId!: string;
  @Column({ type: 'text' }) label!: string;
}

const migrations: ReadModelMigrations = {
  schema: SCHEMA,
  migrations: [{ id: '20261203-0001-labels', sql: `CREATE TABLE ${SCHEMA}.labels (event_id uuid PRIMARY KEY, label text NOT NULL)` }],
};

const labelOf = (data: unknown): string => String((data as { label: string }).label);

/** One row per event; a duplicate would break the primary key, so a twice-projected event fails the test. */
async function projectLabel(event: { id: string; data: unknown }, tx: ReadModelTransaction): Promise<void> {
  if (labelOf(event.data) === 'poison') throw new Error('label never understood');
  await tx.query(`INSERT INTO ${SCHEMA}.labels (event_id, label) VALUES ($1, $2)`, [event.id, labelOf(event.data)]);
}

const labelled = (label: string): EventToAppend => ({
  id: randomUUID(),
  type: 'LabelApplied',
  data: { label },
  metadata: { schemaVersion: 1, occurredAt: '2026-12-03T10:00:00.000Z', correlationId: 'l', causationId: null, actor: { kind: 'system', component: 'probe' } },
});

describe('projectionSubscription', () => {
  jest.setTimeout(20_000);
  let db: FreshDatabase;
  let store: PostgresEventStore;
  let readModels: ReadModelDatabase;
  let admin: Pool;

  beforeAll(async () => {
    db = await freshDatabase('catalogue', async (url) => {
      await migrateEventStore(url);
      await migrateReadModels(url, migrations);
    });
    store = new PostgresEventStore({ connectionString: db.appUrl });
    admin = new Pool({ connectionString: db.adminUrl, max: 2 });
    readModels = await ReadModelDatabase.connect(db.appUrl, { schema: SCHEMA, entities: [LabelRow] }, { poolMax: 4, applicationName: 'catalogue probe' });
  }, 30_000);

  afterAll(async () => {
    await admin?.end();
    await readModels?.close();
    await store?.close();
    await db?.drop();
  });

  /** A projection of its own category, with a poison event between two good ones of one stream. */
  async function projectionWithPoison(): Promise<{ projection: ReadModelProjection; ids: string[] }> {
    const category = `label${randomUUID().slice(0, 8)}`;
    const events = [labelled('before'), labelled('poison'), labelled('after')];
    await store.append(`${category}-1`, events, 'no-stream');
    const projection: ReadModelProjection = {
      name: `probe.${category}`,
      filter: { categories: [category] },
      partitions: 1,
      tables: [{ table: 'labels', key: ['event_id'] }],
      handler: () => projectLabel,
    };
    return { projection, ids: events.map((e) => e.id) };
  }

  const labelsOf = async (ids: string[]) =>
    (await admin.query<{ label: string }>(`SELECT label FROM ${SCHEMA}.labels WHERE event_id = ANY($1) ORDER BY label`, [ids])).rows.map((r) => r.label);

  it("with the service's maxAttempts, parks the poison event and projects the events around it once each", async () => {
    const { projection, ids } = await projectionWithPoison();
    const parked: ParkedEvent[] = [];
    const options = projectionSubscription(projection, { store }, { maxAttempts: 2 });
    expect(options.maxAttempts).toBe(2);
    const live = await store.subscribe({ ...options, transactions: readModels, onParked: (p) => parked.push(p)});
    await live.caughtUp();
    await live.stop();

    expect(parked.map((p) => p.event.id)).toEqual([ids[1]]);
    expect((await readParkedEvents(admin, projection.name)).map((p) => p.event.id)).toEqual([ids[1]]);
    expect(await labelsOf(ids)).toEqual(['after', 'before']);
  });

  it('without maxAttempts, keeps retrying the poison event and parks nothing: the event before it is projected, the one after it waits', async () => {
    const { projection, ids } = await projectionWithPoison();
    const options = projectionSubscription(projection, { store });
    expect(options).not.toHaveProperty('maxAttempts');
    let failures = 0;
    const live = await store.subscribe({ ...options, transactions: readModels, onError: () => failures++});
    await eventually(() => expect(failures).toBeGreaterThanOrEqual(3));
    await live.stop();

    expect(await readParkedEvents(admin, projection.name)).toEqual([]);
    expect(await labelsOf(ids)).toEqual(['before']);
  });
});
