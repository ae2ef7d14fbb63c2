/**
 * RevisionedRows on a real PostgreSQL: a batch's events change a row in memory and the row is written at commit,
 * with only its changed columns; a rollback writes nothing; an event whose revision has passed changes nothing; a row
 * changed behind the transaction fails the commit and keeps the other writer's row; different rows with different
 * changed columns are all written.
 */
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { migrateEventStore } from '@ics2/event-store';
import { freshDatabase, type FreshDatabase } from '@ics2/event-store/testing';
import { Client } from 'pg';
import { migrateReadModels, type ReadModelMigrations } from './migrate-read-models';
import { ReadModelDatabase } from './read-model-database';
import { RevisionedRows } from './revisioned-rows';

const SCHEMA = 'probe_revisioned';

@Entity({ name: 'boxes' })
class BoxRow {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'integer' }) revision!: number;
  @Column({ type: 'text' }) status!: string;
  @Column({ type: 'text', array: true }) labels!: string[];
  @Column({ type: 'jsonb' }) contents!: { item: string; count: number }[];
  @Column({ type: 'timestamptz', name: 'sealed_at', nullable: true }) sealedAt!: Date | null;
}

const migrations: ReadModelMigrations = {
  schema: SCHEMA,
  migrations: [
    {
      id: '20261201-0001-boxes',
      // Counts the UPDATEs that name each column, to show which columns a write touched.
      sql: `CREATE TABLE ${SCHEMA}.boxes (id text PRIMARY KEY, revision integer NOT NULL, status text NOT NULL, labels text[] NOT NULL,
              contents jsonb NOT NULL, sealed_at timestamptz);
            CREATE TABLE ${SCHEMA}.writes (col text PRIMARY KEY, n integer NOT NULL);
            CREATE FUNCTION ${SCHEMA}.count_writes() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF NEW.contents IS DISTINCT FROM OLD.contents THEN
                INSERT INTO ${SCHEMA}.writes VALUES ('contents', 1) ON CONFLICT (col) DO UPDATE SET n = writes.n + 1;
              END IF;
              INSERT INTO ${SCHEMA}.writes VALUES ('row', 1) ON CONFLICT (col) DO UPDATE SET n = writes.n + 1;
              RETURN NEW;
            END $$;
            CREATE TRIGGER boxes_count BEFORE UPDATE ON ${SCHEMA}.boxes FOR EACH ROW EXECUTE FUNCTION ${SCHEMA}.count_writes();`,
    },
  ],
};

const boxes = new RevisionedRows(BoxRow, 'id');
const box = (id: string): BoxRow => Object.assign(new BoxRow(), { id, revision: 0, status: 'open', labels: [], contents: [{ item: 'cup', count: 2 }], sealedAt: null });

describe('RevisionedRows', () => {
  let db: FreshDatabase;
  let readModels: ReadModelDatabase;
  let admin: Client;
  const stored = async (id: string) => (await admin.query(`SELECT revision, status, labels, contents, sealed_at FROM ${SCHEMA}.boxes WHERE id = $1`, [id])).rows[0];
  const writes = async () => Object.fromEntries((await admin.query(`SELECT col, n FROM ${SCHEMA}.writes`)).rows.map((r) => [r.col, r.n]));

  beforeAll(async () => {
    db = await freshDatabase('revisioned', async (url) => {
      await migrateEventStore(url);
      await migrateReadModels(url, migrations);
    });
    admin = await db.admin();
    readModels = await ReadModelDatabase.connect(db.appUrl, { schema: SCHEMA, entities: [BoxRow] }, { poolMax: 3, applicationName: 'revisioned probe' });
  }, 30_000);
  afterAll(async () => {
    await readModels?.close();
    await db?.drop();
  });
  beforeEach(async () => {
    await admin.query(`TRUNCATE ${SCHEMA}.boxes, ${SCHEMA}.writes`);
  });

  it('applies a batch in memory and writes each row once at commit, with only the columns that changed', async () => {
    await readModels.inTransaction(async (tx) => {
      await boxes.insert(tx, box('b1'));
      expect(await boxes.apply(tx, 'b1', 1, { labels: ['fragile'] })).toBe(true);
      expect(await boxes.apply(tx, 'b1', 2, (row) => ({ labels: [...row.labels, 'this side up'] }))).toBe(true);
      expect(await boxes.apply(tx, 'b1', 3, { status: 'sealed', sealedAt: new Date('2026-12-01T10:00:00.000Z') })).toBe(true);
      // Through RevisionedRows the row reads as changed; in the table, only the insert has been written yet.
      expect(await boxes.get(tx, 'b1')).toMatchObject({ revision: 3, labels: ['fragile', 'this side up'], status: 'sealed' });
      expect(await tx.query(`SELECT revision FROM ${SCHEMA}.boxes WHERE id = 'b1'`)).toEqual([{ revision: 0 }]);
    });
    expect(await stored('b1')).toEqual({ revision: 3, status: 'sealed', labels: ['fragile', 'this side up'], contents: [{ item: 'cup', count: 2 }], sealed_at: new Date('2026-12-01T10:00:00.000Z') });
    // One UPDATE for three events, and the jsonb document it did not change was not rewritten.
    expect(await writes()).toEqual({ row: 1 });
  });

  it('reads a row stored by an earlier transaction, and skips an event whose revision has passed or is ahead', async () => {
    await readModels.inTransaction((tx) => boxes.insert(tx, box('b2')));
    await readModels.inTransaction(async (tx) => {
      expect(await boxes.apply(tx, 'b2', 1, { status: 'packed' })).toBe(true);
      expect(await boxes.apply(tx, 'b2', 1, { status: 'redelivered' })).toBe(false);
      expect(await boxes.apply(tx, 'b2', 5, { status: 'from the future' })).toBe(false);
      expect(await boxes.apply(tx, 'nobody', 1, { status: 'x' })).toBe(false);
      // A redelivered first event does not replace the row.
      await boxes.insert(tx, { ...box('b2'), status: 'second insert' });
    });
    expect(await stored('b2')).toMatchObject({ revision: 1, status: 'packed' });
    await readModels.inTransaction(async (tx) => {
      await boxes.insert(tx, { ...box('b2'), status: 'second insert' });
      expect(await boxes.apply(tx, 'b2', 2, { contents: [{ item: 'saucer', count: 1 }] })).toBe(true);
    });
    expect(await stored('b2')).toMatchObject({ revision: 2, status: 'packed', contents: [{ item: 'saucer', count: 1 }] });
  });

  it('writes nothing when the transaction rolls back', async () => {
    await readModels.inTransaction((tx) => boxes.insert(tx, box('b3')));
    await expect(
      readModels.inTransaction(async (tx) => {
        await boxes.apply(tx, 'b3', 1, { status: 'sealed' });
        throw new Error('handler fails');
      }),
    ).rejects.toThrow('handler fails');
    expect(await stored('b3')).toMatchObject({ revision: 0, status: 'open' });
    // The next transaction starts from the stored row, not from the rolled-back one.
    await readModels.inTransaction((tx) => boxes.apply(tx, 'b3', 1, { status: 'packed' }));
    expect(await stored('b3')).toMatchObject({ revision: 1, status: 'packed' });
  });

  it('fails the commit when the row changed behind the transaction, and keeps the other writer’s row', async () => {
    await readModels.inTransaction((tx) => boxes.insert(tx, box('b4')));
    await expect(
      readModels.inTransaction(async (tx) => {
        await boxes.apply(tx, 'b4', 1, { status: 'ours' });
        await admin.query(`UPDATE ${SCHEMA}.boxes SET revision = 1, status = 'theirs' WHERE id = 'b4'`);
      }),
    ).rejects.toThrow(/1 of 1 rows changed behind this transaction/);
    expect(await stored('b4')).toMatchObject({ revision: 1, status: 'theirs' });
  });

  it('writes every changed row of a batch, whatever columns each changed', async () => {
    await readModels.inTransaction(async (tx) => {
      for (const id of ['c1', 'c2', 'c3']) await boxes.insert(tx, box(id));
    });
    await readModels.inTransaction(async (tx) => {
      await boxes.apply(tx, 'c1', 1, { status: 'sealed' });
      // An undefined member is no change (as in a TypeORM update), not a null.
      await boxes.apply(tx, 'c2', 1, { labels: ['heavy'], status: undefined });
      await boxes.apply(tx, 'c3', 1, { status: 'sealed' });
      await boxes.apply(tx, 'c3', 2, { contents: [] });
    });
    expect(await stored('c1')).toMatchObject({ revision: 1, status: 'sealed', labels: [] });
    expect(await stored('c2')).toMatchObject({ revision: 1, status: 'open', labels: ['heavy'] });
    expect(await stored('c3')).toMatchObject({ revision: 2, status: 'sealed', contents: [] });
    expect(await writes()).toEqual({ row: 3, contents: 1 });
  });

  it('refuses to change rows outside a transaction', async () => {
    await expect(boxes.get({ manager: readModels.manager, query: () => Promise.resolve([]) }, 'b1')).rejects.toThrow(/only inside a read-model transaction/);
  });
});
