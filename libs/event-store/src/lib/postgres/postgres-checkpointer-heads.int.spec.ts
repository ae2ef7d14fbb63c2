import { Client, Pool } from 'pg';
import { join } from 'node:path';
// Spec-only cycle: libs/testing builds its databases with this library's migrations; nothing ships it.
import { asSuperuser, eventually, freshDatabase, type FreshDatabase } from '../../testing';
import { aStream, someEvents } from '../contract/contract-fixtures';
import { generateCheckpointKeyPair, loadCheckpointSigner } from '../integrity/checkpoint-signer';
import { LogDigest } from '../integrity/log-digest';
import { MerkleFrontier } from '../integrity/merkle-log';
import { signCheckpoint, type StoredCheckpoint } from '../integrity/signed-checkpoint';
import { StreamHeads } from '../integrity/stream-heads';
import { loadSqlMigrations, migrateEventStore, runSqlMigrations } from './migrate';
import { createCheckpoint, PostgresCheckpointer } from './postgres-checkpointer';
import { PostgresEventStore } from './postgres-event-store';
import { verifyStore } from './postgres-verify';
import { storedStreamHeadProofs, storedStreamHeads, streamHeadsFromLog } from './postgres-stream-heads';

const keys = generateCheckpointKeyPair();
const signer = loadCheckpointSigner(keys.privateKeyPem);
const publicKeys = [keys.publicKeyPem];

describe('PostgreSQL checkpointer: version 3 claims sign every stream head', () => {
  let db: FreshDatabase;
  let store: PostgresEventStore;
  let pool: Pool;
  const count = async () => (await pool.query('SELECT count(*)::int AS n FROM event_store.events')).rows[0].n as number;
  const checkpointAll = async (): Promise<StoredCheckpoint> => {
    const total = await count();
    return eventually(async () => {
      const { checkpoint } = await createCheckpoint(pool, signer);
      if (!checkpoint || checkpoint.eventCount !== total) throw new Error(`covers ${checkpoint?.eventCount} of ${total}`);
      return checkpoint as StoredCheckpoint;
    });
  };
  /** The heads of the whole log, as the checkpoint must have signed them. */
  const logHeads = async (): Promise<StreamHeads> => {
    const heads = new StreamHeads();
    for (const e of await store.readAll()) heads.set(e.streamId, e.revision, e.hash as string);
    return heads;
  };
  const storedHeads = async () =>
    (await pool.query('SELECT stream_id, leaf::int AS leaf, revision, hash FROM event_store.stream_heads ORDER BY leaf')).rows.map((r) => [r.stream_id, r.leaf, r.revision, r.hash]);
  const tamper = (sql: string) => asSuperuser(db.adminUrl, sql);

  const open = async (migrate?: (adminUrl: string) => Promise<unknown>) => {
    db = await freshDatabase('cph', migrate);
    store = new PostgresEventStore({ connectionString: db.appUrl, poolSize: 2 });
    pool = new Pool({ connectionString: db.appUrl, max: 2 });
  };
  afterEach(async () => {
    await Promise.all([store?.close(), pool?.end()]);
    await db?.drop();
  });

  it('signs the count and root of the heads, keeps them in stream_heads, and moves only the heads that moved', async () => {
    await open();
    const [a, b] = [aStream(), aStream()];
    await store.append(a, someEvents(3), 'no-stream');
    await store.append(b, someEvents(1), 'no-stream');
    const first = await checkpointAll();
    expect(first).toMatchObject({ version: 3, streamCount: 2, headsRoot: (await logHeads()).root() });
    expect(await storedHeads()).toEqual([...(await logHeads()).entries()].map((h) => [h.streamId, h.leafIndex, h.revision, h.hash]));

    const c = aStream();
    await store.append(b, someEvents(2), 0);
    await store.append(c, someEvents(1), 'no-stream');
    const second = await checkpointAll();
    const heads = await logHeads();
    expect(second).toMatchObject({ version: 3, streamCount: 3, headsRoot: heads.root() });
    expect((await storedHeads()).map(([stream, leaf, revision]) => [stream, leaf, revision])).toEqual([
      [a, 0, 2],
      [b, 1, 2],
      [c, 2, 0],
    ]);
    expect(await verifyStore(pool, { publicKeys })).toMatchObject({ ok: true, checkpointsChecked: 2, lastCheckpoint: { id: second.id, version: 3 } });
  });

  it('reads the heads from the log when stream_heads was altered, signs the right root, and writes the table again', async () => {
    await open();
    const a = aStream();
    await store.append(a, someEvents(2), 'no-stream');
    await checkpointAll();
    await tamper(`UPDATE event_store.stream_heads SET revision = 0`);
    await tamper(`INSERT INTO event_store.stream_heads (stream_id, leaf, revision, hash) VALUES ('ghost', 7, 0, '${'0'.repeat(64)}')`);
    await store.append(aStream(), someEvents(1), 'no-stream');
    const next = await checkpointAll();
    expect(next.headsRoot).toBe((await logHeads()).root());
    expect((await storedHeads()).map(([stream, leaf, revision]) => [stream, leaf, revision])).toEqual([
      [a, 0, 1],
      [expect.any(String), 1, 0],
    ]);
    expect((await verifyStore(pool, { publicKeys })).ok).toBe(true);
  });

  it('a checkpointer continues from the heads it signed last, without reading stream_heads again', async () => {
    await open();
    const checkpointer = new PostgresCheckpointer(pool, signer);
    const a = aStream();
    await store.append(a, someEvents(2), 'no-stream');
    await store.append(aStream(), someEvents(1), 'no-stream');
    await eventually(async () => {
      const { checkpoint } = await checkpointer.checkpointNow();
      if (checkpoint?.eventCount !== 3) throw new Error('not yet');
    });
    // Rows gone: a run reading the table would find it wrong and write every head again.
    await tamper('DELETE FROM event_store.stream_heads');
    await store.append(a, someEvents(1), 1);
    const next = await eventually(async () => {
      const { checkpoint } = await checkpointer.checkpointNow();
      if (checkpoint?.eventCount !== 4) throw new Error('not yet');
      return checkpoint;
    });
    expect(next.headsRoot).toBe((await logHeads()).root());
    // Only the head that moved was written.
    expect((await storedHeads()).map(([stream, leaf, revision]) => [stream, leaf, revision])).toEqual([[a, 0, 2]]);
    // A run without the cache finds the table short, reads the log, and writes it whole again.
    await store.append(aStream(), someEvents(1), 'no-stream');
    await checkpointAll();
    expect(await storedHeads()).toHaveLength(3);
    expect((await verifyStore(pool, { publicKeys })).ok).toBe(true);
  });

  it("refuses to extend a checkpoint whose heads the log no longer gives: a stream's last event deleted, its table row rolled back", async () => {
    await open();
    const a = aStream();
    await store.append(a, someEvents(3), 'no-stream');
    await checkpointAll();
    await tamper(`DELETE FROM event_store.events WHERE stream_id = '${a}' AND revision = 2`);
    await tamper(`UPDATE event_store.stream_heads SET revision = 1, hash = (SELECT hash FROM event_store.events WHERE stream_id = '${a}' AND revision = 1)`);
    await store.append(aStream(), someEvents(1), 'no-stream');
    await expect(createCheckpoint(pool, signer)).rejects.toThrow(/no longer gives its stream heads/);
  });

  it('after a version 2 checkpoint (signed before heads), reads the heads of the log once and signs version 3', async () => {
    const schema = join(__dirname, 'schema');
    await open(async (adminUrl) => {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await runSqlMigrations(c, { lockKey: 1, table: 'event_store.schema_migrations', migrations: loadSqlMigrations(schema).filter((m) => m.id < '011') });
      } finally {
        await c.end();
      }
    });
    const [a, b] = [aStream(), aStream()];
    await store.append(a, someEvents(2), 'no-stream');
    await store.append(b, someEvents(2), 'no-stream');
    const log = await eventually(async () => {
      const all = await store.readAll();
      if (all.length !== 4) throw new Error('not yet');
      return all;
    });
    // A version 2 checkpoint as the checkpointer signed it before 011, with the columns of then.
    const digest = new LogDigest();
    const frontier = MerkleFrontier.empty();
    for (const e of log) {
      digest.add(e.hash as string);
      frontier.append(e.hash as string);
    }
    const v2 = signCheckpoint(
      { version: 2, position: log[3].position, eventCount: 4, digest: digest.digest, merkleRoot: frontier.root(), createdAt: '2026-02-03T04:05:06.789Z' },
      signer,
    );
    await pool.query(
      `INSERT INTO event_store.integrity_checkpoints (position_commit, position_prepare, event_count, digest, signature, key_id, created_at, claim_version, merkle_root, merkle_frontier)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 2, $8, $9)`,
      [v2.position.commit.toString(), v2.position.prepare.toString(), 4, v2.digest, v2.signature, v2.keyId, v2.createdAt, v2.merkleRoot, JSON.stringify(frontier.toJSON())],
    );
    await migrateEventStore(db.adminUrl);

    await store.append(a, someEvents(1), 1);
    const next = await checkpointAll();
    expect(next).toMatchObject({ version: 3, eventCount: 5, streamCount: 2, headsRoot: (await logHeads()).root() });
    expect(await storedHeads()).toHaveLength(2);
    expect(await verifyStore(pool, { publicKeys })).toMatchObject({ ok: true, checkpointsChecked: 2 });
  });

  it('proves heads from the stored blocks of 1024 heads and their roots, the same proofs as the log gives', async () => {
    await open();
    const streams = Array.from({ length: 2_100 }, () => aStream());
    for (let i = 0; i < streams.length; i += 50) await Promise.all(streams.slice(i, i + 50).map((s) => store.append(s, someEvents(1), 'no-stream')));
    await checkpointAll();
    // Heads move in the first block and the last (partial) one: their roots are written again.
    await store.append(streams[5], someEvents(1), 0);
    await store.append(streams[2_090], someEvents(1), 0);
    const checkpoint = await checkpointAll();
    expect((await pool.query('SELECT count(*)::int AS n FROM event_store.stream_head_blocks')).rows[0].n).toBe(2);
    const wanted = [streams[5], streams[1_500], streams[2_090], 'no-such-stream'];
    const proofsNow = async (of = wanted, at = checkpoint) => {
      const client = await pool.connect();
      try {
        return {
          stored: await storedStreamHeadProofs(client, at, of),
          log: (await streamHeadsFromLog(client, at, 1_000)).proofs(of),
          // What the next checkpoint continues from: the whole table, in leaf order (pages of 1,000).
          table: (await storedStreamHeads(client, at, 1_000))?.root(),
        };
      } finally {
        client.release();
      }
    };
    const { stored, log, table } = await proofsNow();
    expect(stored).toEqual(log);
    expect(new Set((stored as Map<string, unknown>).keys())).toEqual(new Set([streams[5], streams[1_500], streams[2_090]]));
    expect(stored?.get(streams[5])).toMatchObject({ revision: 1 });
    expect(table).toBe(checkpoint.headsRoot);

    // The last stream alone: the two full blocks are taken by their roots. One of them altered: what is stored no
    // longer gives the signed root, so nothing is proven from it.
    const last = await proofsNow([streams[2_090]]);
    expect(last.stored).toEqual(last.log);
    await tamper(`UPDATE event_store.stream_head_blocks SET root = '${'0'.repeat(64)}' WHERE block = 1`);
    expect((await proofsNow([streams[2_090]])).stored).toBeNull();
    // Nor one that is no hash at all: refused, not thrown.
    await tamper(`UPDATE event_store.stream_head_blocks SET root = 'not a hash' WHERE block = 0`);
    expect((await proofsNow([streams[2_090]])).stored).toBeNull();

    // The next checkpoint puts the altered roots right, and writes them all when they are lost (as on a store whose
    // heads were kept before 012).
    await store.append(streams[6], someEvents(1), 0);
    const mended = await checkpointAll();
    const again = await proofsNow([streams[2_090]], mended);
    expect(again.stored).toEqual(again.log);
    await tamper('DELETE FROM event_store.stream_head_blocks');
    await store.append(streams[7], someEvents(1), 0);
    const later = await checkpointAll();
    expect((await pool.query('SELECT count(*)::int AS n FROM event_store.stream_head_blocks')).rows[0].n).toBe(2);
    expect(later.headsRoot).toBe((await logHeads()).root());
    const repaired = await proofsNow([streams[2_090]], later);
    expect(repaired.stored).toEqual(repaired.log);
  }, 60_000);

  it('the table refuses a version 3 row without its heads, and a version 2 row with them', async () => {
    await open();
    const insert = (version: number, streamCount: number | null, headsRoot: string | null) =>
      pool.query(
        `INSERT INTO event_store.integrity_checkpoints (position_commit, position_prepare, event_count, digest, signature, key_id, created_at, claim_version, merkle_root, merkle_frontier, stream_count, heads_root)
         VALUES (1, 1, 1, 'd', 's', 'k', now(), $1, 'r', '[]', $2, $3)`,
        [version, streamCount, headsRoot],
      );
    await expect(insert(3, null, 'h')).rejects.toMatchObject({ code: '23514' });
    await expect(insert(3, 1, null)).rejects.toMatchObject({ code: '23514' });
    await expect(insert(2, 1, 'h')).rejects.toMatchObject({ code: '23514' });
    await expect(insert(4, 1, 'h')).rejects.toMatchObject({ code: '23514' });
  });
});
