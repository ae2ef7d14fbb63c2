/**
 * The stored Merkle block roots on a real PostgreSQL: the checkpointer writes one row per block of 1024 leaves it
 * completes, equal to the pure tree's subtree; it fills in the blocks of a log checkpointed without them; proofs built
 * from the blocks are the pure builder's paths and verify; proofs read the log only inside the targets' blocks; a
 * wrong stored root is found out (`storedTreeFault`) and the proofs are made from the log's hashes instead, so an honest
 * event is never blamed for it; the table is append-only for the application.
 * The subtrees above the blocks (merkle_nodes) likewise: equal to the pure tree's, filled in when missing, a proof
 * takes a run of blocks as a few of them, a wrong one is found out the same way, append-only.
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
import { verifyStore } from './postgres-verify';

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
  const nodes = async () =>
    (await admin.query<{ level: number; idx: string; root: string }>('SELECT level, idx, root FROM event_store.merkle_nodes ORDER BY level, idx')).rows.map((r) => ({
      level: r.level,
      index: Number(r.idx),
      root: r.root,
    }));
  /** The pure tree's root over the leaves of block b. */
  const pureBlock = (b: number) => merkleRoot(log.slice(b * MERKLE_BLOCK_LEAVES, (b + 1) * MERKLE_BLOCK_LEAVES).map((e) => e.hash as string));
  const tamper = (sql: string) => asSuperuser(db.adminUrl, sql);

  beforeAll(async () => {
    db = await freshDatabase('blocks');
    store = new PostgresEventStore({ connectionString: db.appUrl, poolSize: 2 });
    pool = new Pool({ connectionString: db.appUrl, max: 2 });
    admin = await db.admin();
    // 13,200 events, the streams interleaved, in two checkpoints of 6,600: blocks 0-5 with the first, blocks 6 (begun
    // before the first) to 11 with the second, and a partial block 12. More than ten blocks: "10" sorts before "9".
    for (let phase = 0; phase < 2; phase++) {
      for (let round = 0; round < 22; round++) for (const s of streams) await store.append(s, someEvents(60), 'any');
      await createCheckpoint(pool, signer);
    }
    log = await store.readAll();
  });
  afterAll(async () => {
    await Promise.all([store?.close(), pool?.end()]);
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

  /** Proves one event, counting the rows the proof's queries return whose statement name `count` picks. */
  const provingCounting = async (leaf: number, count: (name: string) => boolean) => {
    let read = 0;
    const connect = pool.connect.bind(pool) as () => Promise<PoolClient>;
    const querySpies: jest.SpyInstance[] = [];
    const spy = jest.spyOn(pool, 'connect').mockImplementation((async () => {
      const client = await connect();
      const query = client.query.bind(client) as (...args: unknown[]) => Promise<{ rows: unknown[] }>;
      // Restored after the proof: the pool hands the same client out again.
      querySpies.push(jest.spyOn(client, 'query'));
      querySpies[querySpies.length - 1].mockImplementation((async (...args: unknown[]) => {
        const result = await query(...args);
        if (count(String((args[0] as { name?: string }).name))) read += result.rows.length;
        return result;
      }) as never);
      return client;
    }) as never);
    try {
      const proofs = await proveInclusion(pool, { eventIds: [log[leaf].id] });
      const [p] = proofs.events;
      expect(p.leafIndex).toBe(leaf);
      expect(verifyInclusion(merkleLeafHash(p.hash), p.leafIndex, proofs.treeSize, p.path, proofs.checkpoint.merkleRoot as string)).toBe(true);
    } finally {
      spy.mockRestore();
      for (const q of querySpies) q.mockRestore();
    }
    return read;
  };

  it('given an event in block 1, when proven, then the log is read only inside that block', async () => {
    // One block of leaves; the walk without blocks read the log from its start to leaf 8192.
    expect(await provingCounting(1_300, (name) => name.startsWith('event_store.log-hashes'))).toBe(MERKLE_BLOCK_LEAVES);
  });

  it('given the twelve blocks, then the subtrees above them are stored with the pure tree\'s roots', async () => {
    const pure = (level: number, index: number) => merkleRoot(log.slice(index * 2 ** level, (index + 1) * 2 ** level).map((e) => e.hash as string));
    const expected = [11, 12, 13].flatMap((level) => Array.from({ length: Math.floor(12 / 2 ** (level - 10)) }, (_, index) => ({ level, index, root: pure(level, index) })));
    expect(expected).toHaveLength(6 + 3 + 1);
    expect(await nodes()).toEqual(expected);
  });

  it('given an event in block 11, when proven, then blocks 0-10 are taken as three stored subtrees, not eleven block roots', async () => {
    // [0, 8) at level 13, [8, 10) at level 11, block 10: the roots the proof reads.
    const roots = await provingCounting(11_500, (name) => ['event_store.merkle-tree.blocks', 'event_store.merkle-nodes.lookup', 'event_store.merkle-blocks.page'].includes(name));
    expect(roots).toBe(3);
  });

  it('given a log checkpointed without blocks, when the checkpointer runs again, then it fills them in, the same as before', async () => {
    const stored = await blocks();
    await tamper('DELETE FROM event_store.merkle_blocks WHERE block >= 11');
    await store.append(streams[0], someEvents(1), 'any');
    await createCheckpoint(pool, signer);
    expect(await blocks()).toEqual(stored);
  });

  it('given a log whose blocks were stored without the subtrees above them, when the checkpointer runs again, then it makes them, the same as before', async () => {
    const stored = await nodes();
    await tamper('DELETE FROM event_store.merkle_nodes WHERE level = 13 OR (level = 11 AND idx >= 2)');
    // Meanwhile a proof takes the blocks of the missing subtrees instead: eight block roots for [0, 8), then block 8.
    expect(await provingCounting(11_500, (name) => ['event_store.merkle-tree.blocks', 'event_store.merkle-nodes.lookup'].includes(name))).toBe(8 + 1 + 1 + 1);
    await store.append(streams[0], someEvents(1), 'any');
    await createCheckpoint(pool, signer);
    expect(await nodes()).toEqual(stored);
  });

  it('given a wrong stored subtree, when an event is proven through it, then the proof is made from the log and the fault is said', async () => {
    const [right] = (await nodes()).filter((n) => n.level === 13 && n.index === 0);
    await tamper(`UPDATE event_store.merkle_nodes SET root = repeat('cd', 32) WHERE level = 13 AND idx = 0`);
    try {
      const proofs = await proveInclusion(pool, { eventIds: [log[11_500].id] });
      const [p] = proofs.events;
      // The honest event is not blamed for the stored tree: its proof holds, and the stored tree is named.
      expect(verifyInclusion(merkleLeafHash(p.hash), p.leafIndex, proofs.treeSize, p.path, proofs.checkpoint.merkleRoot as string)).toBe(true);
      expect(proofs.storedTreeFault).toBe(true);
    } finally {
      await tamper(`UPDATE event_store.merkle_nodes SET root = '${right.root}' WHERE level = 13 AND idx = 0`);
    }
  });

  it('given a wrong stored subtree, when a stream that lies past it is verified, then its events are proven and the stored tree is named', async () => {
    // One event after all the others, in a stream of its own: its proof takes blocks 0-7 as the one stored subtree.
    const late = aStream();
    await store.append(late, someEvents(1), 'no-stream');
    await createCheckpoint(pool, signer);
    const [right] = (await nodes()).filter((n) => n.level === 13 && n.index === 0);
    await tamper(`UPDATE event_store.merkle_nodes SET root = repeat('cd', 32) WHERE level = 13 AND idx = 0`);
    try {
      const report = await verifyStore(pool, { publicKeys: [signer.publicKeyPem], streamId: late });
      expect(report.problems.map((x) => x.kind)).toEqual(['wrong-stored-tree']);
      expect(report).toMatchObject({ eventsChecked: 1, proofsVerified: 1 });
    } finally {
      await tamper(`UPDATE event_store.merkle_nodes SET root = '${right.root}' WHERE level = 13 AND idx = 0`);
    }
  });

  it('given a wrong stored root, when an event is proven through it, then the proof is made from the log and the fault is said', async () => {
    await tamper(`UPDATE event_store.merkle_blocks SET root = repeat('ab', 32) WHERE block = 0`);
    try {
      const proofs = await proveInclusion(pool, { eventIds: [log[1_500].id] });
      const [p] = proofs.events;
      expect(verifyInclusion(merkleLeafHash(p.hash), p.leafIndex, proofs.treeSize, p.path, proofs.checkpoint.merkleRoot as string)).toBe(true);
      expect(proofs.storedTreeFault).toBe(true);
    } finally {
      await tamper(`UPDATE event_store.merkle_blocks SET root = '${pureBlock(0)}' WHERE block = 0`);
    }
  });

  it('refuses the application an UPDATE or DELETE of a block or a subtree', async () => {
    const app = new Client({ connectionString: db.appUrl });
    await app.connect();
    try {
      expect(await refusal(app.query(`UPDATE event_store.merkle_blocks SET root = repeat('0', 64)`))).toMatchObject({ code: expect.stringMatching(/^(ES001|42501)$/) });
      expect(await refusal(app.query('DELETE FROM event_store.merkle_blocks'))).toMatchObject({ code: expect.stringMatching(/^(ES001|42501)$/) });
      expect(await refusal(app.query(`UPDATE event_store.merkle_nodes SET root = repeat('0', 64)`))).toMatchObject({ code: expect.stringMatching(/^(ES001|42501)$/) });
      expect(await refusal(app.query('DELETE FROM event_store.merkle_nodes'))).toMatchObject({ code: expect.stringMatching(/^(ES001|42501)$/) });
    } finally {
      await app.end();
    }
  });
});
