/**
 * The stored Merkle block roots on a real PostgreSQL: the checkpointer writes one row per block of 1024 leaves it
 * completes, equal to the pure tree's subtree; it fills in the blocks of a log checkpointed without them; proofs built
 * from the blocks are the pure builder's paths and verify; proofs read the log only inside the targets' blocks; a
 * wrong stored root gives proofs that fail, never a passing one; the table is append-only for the application.
 */
import { Client, Pool, type PoolClient } from 'pg';
// Spec-only cycle: libs/testing builds its databases with this library's migrations; nothing ships it.
import { asSuperuser, freshDatabase, type FreshDatabase } from '../../testing';
import { aStream, refusal, someEvents } from '../contract/contract-fixtures';
import { generateCheckpointKeyPair, loadCheckpointSigner } from '../integrity/checkpoint-signer';
import { inclusionProofs, MERKLE_BLOCK_LEAVES, merkleLeafHash, merkleRoot, verifyInclusion } from '../integrity/merkle-log';
import type { RecordedEvent } from '../recorded-event';
import { createCheckpoint } from './postgres-checkpointer';
import { PostgresEventStore } from './postgres-event-store';
import { proveInclusion } from './postgres-inclusion';

const signer = loadCheckpointSigner(generateCheckpointKeyPair().privateKeyPem);

describe('Merkle block roots in the PostgreSQL store', () => {
  jest.setTimeout(60_000);
  let db: FreshDatabase;
  let store: PostgresEventStore;
  let pool: Pool;
  let admin: Client;
  let log: RecordedEvent[];
  const streams = Array.from({ length: 5 }, () => aStream());

  const blocks = async () =>
    (await admin.query<{ block: string; root: string }>('SELECT block, root FROM event_store.merkle_blocks ORDER BY block')).rows.map((r) => ({ block: Number(r.block), root: r.root }));
  /** The pure tree's root over the leaves of block b. */
  const pureBlock = (b: number) => merkleRoot(log.slice(b * MERKLE_BLOCK_LEAVES, (b + 1) * MERKLE_BLOCK_LEAVES).map((e) => e.hash as string));
  const tamper = (sql: string) => asSuperuser(db.adminUrl, sql);

  beforeAll(async () => {
    db = await freshDatabase('blocks');
    store = new PostgresEventStore({ connectionString: db.appUrl, poolSize: 2 });
    pool = new Pool({ connectionString: db.appUrl, max: 2 });
    admin = new Client({ connectionString: db.adminUrl });
    await admin.connect();
    // 13,200 events, the streams interleaved, in two checkpoints of 6,600: blocks 0-5 with the first, blocks 6 (begun
    // before the first) to 11 with the second, and a partial block 12. More than ten blocks: "10" sorts before "9".
    for (let phase = 0; phase < 2; phase++) {
      for (let round = 0; round < 22; round++) for (const s of streams) await store.append(s, someEvents(60), 'any');
      await createCheckpoint(pool, signer);
    }
    log = await store.readAll();
  });
  afterAll(async () => {
    await Promise.all([store?.close(), pool?.end(), admin?.end()]);
    await db?.drop();
  });

  it('given two checkpoints over 13,200 events, then the twelve whole blocks are stored with the pure tree\'s roots', async () => {
    expect(log).toHaveLength(13_200);
    expect(await blocks()).toEqual(Array.from({ length: 12 }, (_, b) => ({ block: b, root: pureBlock(b) })));
  });

  it('given events in different blocks and in the last partial one, when proven, then the paths are the pure ones and verify', async () => {
    const indices = [0, 5, 1_500, 2_047, 2_048, 10_500, 13_100, 13_199];
    const proofs = await proveInclusion(pool, { eventIds: indices.map((i) => log[i].id) });
    expect(proofs.treeSize).toBe(13_200);
    const pure = inclusionProofs(log.map((e) => e.hash as string), indices, log.length);
    expect(proofs.events.map((p) => p.leafIndex)).toEqual(indices);
    expect(proofs.events.map((p) => p.path)).toEqual(indices.map((i) => pure.get(i)));
    for (const p of proofs.events) expect(verifyInclusion(merkleLeafHash(p.hash), p.leafIndex, 13_200, p.path, proofs.checkpoint.merkleRoot as string)).toBe(true);
  });

  it('given an event in block 1, when proven, then the log is read only inside that block', async () => {
    // Counts the log's hash rows the proof reads, on the connection it takes from the pool.
    let read = 0;
    const connect = pool.connect.bind(pool) as () => Promise<PoolClient>;
    const spy = jest.spyOn(pool, 'connect').mockImplementation((async () => {
      const client = await connect();
      const query = client.query.bind(client) as (...args: unknown[]) => Promise<{ rows: unknown[] }>;
      jest.spyOn(client, 'query').mockImplementation((async (...args: unknown[]) => {
        const result = await query(...args);
        if (String((args[0] as { name?: string }).name).startsWith('event_store.log-hashes')) read += result.rows.length;
        return result;
      }) as never);
      return client;
    }) as never);
    try {
      const proofs = await proveInclusion(pool, { eventIds: [log[1_300].id] });
      expect(proofs.events[0].path).toEqual(inclusionProofs(log.map((e) => e.hash as string), [1_300], log.length).get(1_300));
    } finally {
      spy.mockRestore();
    }
    // One block of leaves; the walk without blocks read the log from its start to leaf 8192.
    expect(read).toBe(MERKLE_BLOCK_LEAVES);
  });

  it('given a log checkpointed without blocks, when the checkpointer runs again, then it fills them in, the same as before', async () => {
    const stored = await blocks();
    await tamper('DELETE FROM event_store.merkle_blocks WHERE block >= 11');
    await store.append(streams[0], someEvents(1), 'any');
    await createCheckpoint(pool, signer);
    expect(await blocks()).toEqual(stored);
  });

  it('given a wrong stored root, when an event is proven through it, then its proof does not verify', async () => {
    await tamper(`UPDATE event_store.merkle_blocks SET root = repeat('ab', 32) WHERE block = 0`);
    try {
      const proofs = await proveInclusion(pool, { eventIds: [log[1_500].id] });
      const [p] = proofs.events;
      expect(verifyInclusion(merkleLeafHash(p.hash), p.leafIndex, proofs.treeSize, p.path, proofs.checkpoint.merkleRoot as string)).toBe(false);
    } finally {
      await tamper(`UPDATE event_store.merkle_blocks SET root = '${pureBlock(0)}' WHERE block = 0`);
    }
  });

  it('refuses the application an UPDATE or DELETE of a block', async () => {
    const app = new Client({ connectionString: db.appUrl });
    await app.connect();
    try {
      expect(await refusal(app.query(`UPDATE event_store.merkle_blocks SET root = repeat('0', 64)`))).toMatchObject({ code: expect.stringMatching(/^(ES001|42501)$/) });
      expect(await refusal(app.query('DELETE FROM event_store.merkle_blocks'))).toMatchObject({ code: expect.stringMatching(/^(ES001|42501)$/) });
    } finally {
      await app.end();
    }
  });
});
