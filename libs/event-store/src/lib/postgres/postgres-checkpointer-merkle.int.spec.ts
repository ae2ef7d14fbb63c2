import { join } from 'node:path';
import { Client, Pool } from 'pg';
// Spec-only cycle: libs/testing builds its databases with this library's migrations; nothing ships it.
import { asSuperuser, eventually, freshDatabase, type FreshDatabase } from '../../testing';
import { aStream, someEvents } from '../contract/contract-fixtures';
import { generateCheckpointKeyPair, loadCheckpointSigner } from '../integrity/checkpoint-signer';
import { LogDigest } from '../integrity/log-digest';
import { MerkleFrontier, merkleRoot } from '../integrity/merkle-log';
import { checkCheckpointSignature, checkpointKeyRing, signCheckpoint, type StoredCheckpoint } from '../integrity/signed-checkpoint';
import { loadSqlMigrations, migrateEventStore, runSqlMigrations } from './migrate';
import { createCheckpoint } from './postgres-checkpointer';
import { PostgresEventStore } from './postgres-event-store';
import { verifyStore } from './postgres-verify';

const keys = generateCheckpointKeyPair();
const signer = loadCheckpointSigner(keys.privateKeyPem);
const publicKeys = [keys.publicKeyPem];
const now = () => new Date('2026-02-03T04:05:06.789Z');

interface Db {
  readonly db: FreshDatabase;
  readonly store: PostgresEventStore;
  readonly pool: Pool;
  /** Superuser SQL with the append-only triggers off. */
  tamper(sql: string): Promise<void>;
  /** Checkpoints until one covers every event written: the stable prefix may lag behind other transactions. */
  checkpointAll(): Promise<StoredCheckpoint>;
  hashes(): Promise<string[]>;
  close(): Promise<void>;
}

async function database(migrate?: (adminUrl: string) => Promise<unknown>): Promise<Db> {
  const db = await freshDatabase('cpm', migrate);
  const store = new PostgresEventStore({ connectionString: db.appUrl, poolSize: 2 });
  const pool = new Pool({ connectionString: db.appUrl, max: 2 });
  const count = async () => (await pool.query('SELECT count(*)::int AS n FROM event_store.events')).rows[0].n as number;
  return {
    db,
    store,
    pool,
    tamper: (sql) => asSuperuser(db.adminUrl, sql),
    async checkpointAll() {
      const total = await count();
      return eventually(async () => {
        const { checkpoint } = await createCheckpoint(pool, signer, { now });
        if (!checkpoint || checkpoint.eventCount !== total) throw new Error(`covers ${checkpoint?.eventCount} of ${total}`);
        return checkpoint as StoredCheckpoint;
      });
    },
    async hashes() {
      return (await store.readAll()).map((e) => e.hash as string);
    },
    async close() {
      await Promise.all([store.close(), pool.end()]);
      await db.drop();
    },
  };
}

describe('PostgreSQL checkpointer: version 2 claims with a merkle root', () => {
  let d: Db;
  afterEach(async () => {
    await d?.close();
  });

  it('signs the merkle root of the log and stores the frontier after it; the next one extends that frontier', async () => {
    d = await database();
    await d.store.append(aStream(), someEvents(5), 'no-stream');
    const first = await d.checkpointAll();
    expect(first).toMatchObject({ version: 3, eventCount: 5, merkleRoot: merkleRoot(await d.hashes()) });
    expect(MerkleFrontier.restore(5, first.merkleFrontier as string[]).root()).toBe(first.merkleRoot);
    expect(checkCheckpointSignature(first, checkpointKeyRing(publicKeys))).toBe('valid');

    await d.store.append(aStream(), someEvents(6), 'no-stream');
    const second = await d.checkpointAll();
    expect(second).toMatchObject({ version: 3, eventCount: 11, merkleRoot: merkleRoot(await d.hashes()) });
    const stored = await d.pool.query('SELECT claim_version, merkle_root, jsonb_array_length(merkle_frontier) AS nodes FROM event_store.integrity_checkpoints WHERE id = $1', [second.id]);
    expect(stored.rows[0]).toEqual({ claim_version: 3, merkle_root: second.merkleRoot, nodes: 3 }); // 11 = 8 + 2 + 1
    expect(await verifyStore(d.pool, { publicKeys })).toMatchObject({ ok: true, checkpointsChecked: 2, lastCheckpoint: { id: second.id, version: 3 } });
  });

  it('rebuilds the tree from the log when the stored frontier does not fold into the signed root', async () => {
    d = await database();
    await d.store.append(aStream(), someEvents(3), 'no-stream');
    const first = await d.checkpointAll();
    await d.tamper(`UPDATE event_store.integrity_checkpoints SET merkle_frontier = '["${'0'.repeat(64)}", "${'1'.repeat(64)}"]' WHERE id = ${first.id}`);
    await d.store.append(aStream(), someEvents(2), 'no-stream');
    expect((await d.checkpointAll()).merkleRoot).toBe(merkleRoot(await d.hashes()));
  });

  describe('on a store whose checkpoints were signed before version 2', () => {
    const schema = join(__dirname, 'schema');
    // The schema as it stood before 004: the migrations up to 003, recorded where migrateEventStore looks.
    const upTo003 = async (adminUrl: string) => {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await runSqlMigrations(c, { lockKey: 1, table: 'event_store.schema_migrations', migrations: loadSqlMigrations(schema).filter((m) => m.id < '004') });
      } finally {
        await c.end();
      }
    };
    /** A version 1 checkpoint as the checkpointer signed it then, inserted with the columns of then. */
    const insertV1 = async (): Promise<void> => {
      const log = await d.store.readAll();
      const digest = new LogDigest();
      for (const e of log) digest.add(e.hash as string);
      const cp = signCheckpoint({ position: log[log.length - 1].position, eventCount: log.length, digest: digest.digest, createdAt: now().toISOString() }, signer);
      await d.pool.query(
        `INSERT INTO event_store.integrity_checkpoints (position_commit, position_prepare, event_count, digest, signature, key_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [cp.position.commit.toString(), cp.position.prepare.toString(), cp.eventCount, cp.digest, cp.signature, cp.keyId, cp.createdAt],
      );
    };

    it('keeps them version 1 through the migration, verifiable as they were, and signs version 3 after them', async () => {
      d = await database(upTo003);
      await d.store.append(aStream(), someEvents(4), 'no-stream');
      await eventually(async () => (await d.store.readAll()).length === 4);
      await insertV1();
      await migrateEventStore(d.db.adminUrl);

      const v1 = await d.pool.query('SELECT claim_version, merkle_root, merkle_frontier FROM event_store.integrity_checkpoints');
      expect(v1.rows).toEqual([{ claim_version: 1, merkle_root: null, merkle_frontier: null }]);
      const before = await verifyStore(d.pool, { publicKeys });
      expect(before).toMatchObject({ ok: true, checkpointsChecked: 1 });
      expect(before.lastCheckpoint).not.toHaveProperty('version');
      expect(before.lastCheckpoint).not.toHaveProperty('merkleRoot');

      await d.store.append(aStream(), someEvents(3), 'no-stream');
      const next = await d.checkpointAll();
      expect(next).toMatchObject({ version: 3, eventCount: 7, merkleRoot: merkleRoot(await d.hashes()), streamCount: 2 });
      expect(await verifyStore(d.pool, { publicKeys })).toMatchObject({ ok: true, checkpointsChecked: 2, lastCheckpoint: { id: next.id } });
    });

    it('refuses to extend one whose log was rewritten since: its root would be signed over the rewrite', async () => {
      d = await database(upTo003);
      await d.store.append(aStream(), someEvents(2), 'no-stream');
      await eventually(async () => (await d.store.readAll()).length === 2);
      await insertV1();
      await migrateEventStore(d.db.adminUrl);
      await d.tamper(`UPDATE event_store.events SET hash = '${'f'.repeat(64)}' WHERE revision = 1`);
      // Refused before anything new is read: the tree has to be rebuilt first, over the log under the checkpoint.
      await expect(createCheckpoint(d.pool, signer)).rejects.toThrow(/no longer gives its count and digest/);
    });
  });

  it('the table refuses a version 2 row without its root, and a version 1 row with one', async () => {
    d = await database();
    const insert = (version: number, root: string | null, frontier: string | null) =>
      d.pool.query(
        `INSERT INTO event_store.integrity_checkpoints (position_commit, position_prepare, event_count, digest, signature, key_id, created_at, claim_version, merkle_root, merkle_frontier)
         VALUES (1, 1, 1, 'd', 's', 'k', now(), $1, $2, $3)`,
        [version, root, frontier],
      );
    await expect(insert(2, null, '[]')).rejects.toMatchObject({ code: '23514' });
    await expect(insert(2, 'r', null)).rejects.toMatchObject({ code: '23514' });
    await expect(insert(1, 'r', null)).rejects.toMatchObject({ code: '23514' });
    await expect(insert(2, 'r', '{}')).rejects.toMatchObject({ code: '23514' });
  });
});
