import type { PoolClient } from 'pg';
import { InclusionProofBuilder, MERKLE_BLOCK_LEAVES, MERKLE_BLOCK_LEVEL } from '../integrity/merkle-log';
import type { StoredCheckpoint } from '../integrity/signed-checkpoint';
import { streamHeadDigest, StreamHeads, type StreamHeadEntry, type StreamHeadProof } from '../integrity/stream-heads';
import { BEFORE_THE_LOG, logHashPages } from './postgres-log-hashes';
import { keysetPageArrays } from './postgres-pages';

/**
 * event_store.stream_heads and stream_head_blocks (schema/011-stream-heads.sql, 012-stream-head-blocks.sql): the
 * heads as of the latest checkpoint, and the roots of their full blocks of 1024 leaves, kept so that the checkpointer
 * continues from them
 * and an export proves a head from one block and the block roots, reading neither the whole log nor every head.
 * Unsigned: tables that do not give the checkpoint's signed heads root are set aside and the log is read instead.
 */

// `leaf` is read as text: ORDER BY names the table's column (stream_heads.leaf), or it would sort the text.
interface HeadRow {
  readonly stream_id: string;
  readonly leaf: string;
  readonly revision: number;
  readonly hash: string;
}

const HEADS_SQL = `SELECT stream_id, leaf::text AS leaf, revision, hash FROM event_store.stream_heads
  WHERE leaf > $1::bigint ORDER BY stream_heads.leaf LIMIT $2`;
const UPSERT_SQL = `INSERT INTO event_store.stream_heads (stream_id, leaf, revision, hash)
  SELECT * FROM unnest($1::text[], $2::bigint[], $3::integer[], $4::text[])
  ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision, hash = excluded.hash`;
const UPSERT_BLOCKS_SQL = `INSERT INTO event_store.stream_head_blocks (block, root) SELECT * FROM unnest($1::bigint[], $2::text[])
  ON CONFLICT (block) DO UPDATE SET root = excluded.root`;
const BLOCKS_SQL = `SELECT block::text AS block, root FROM event_store.stream_head_blocks WHERE block < $1::bigint ORDER BY stream_head_blocks.block`;
const ALL_BLOCKS_SQL = `SELECT block::text AS block, root FROM event_store.stream_head_blocks`;
const TARGETS_SQL = `SELECT stream_id, leaf::text AS leaf, revision, hash FROM event_store.stream_heads WHERE stream_id = ANY($1::text[])`;
const LEAVES_SQL = `SELECT stream_id, leaf::text AS leaf, revision, hash FROM event_store.stream_heads
  WHERE leaf >= $1::bigint AND leaf < $2::bigint ORDER BY stream_heads.leaf`;
const WRITE_CHUNK = 5_000;
const HEX_HASH = /^[0-9a-f]{64}$/;

/** The stored heads, when they are those `checkpoint` (version 3) signed: leaves 0..n-1, its stream count and root. */
export async function storedStreamHeads(client: PoolClient, checkpoint: StoredCheckpoint, batchSize: number): Promise<StreamHeads | null> {
  if (checkpoint.version !== 3) return null;
  const entries: StreamHeadEntry[] = [];
  let expected = 0;
  for await (const page of keysetPageArrays(batchSize, async (last: HeadRow | null) => {
    const { rows } = await client.query<HeadRow>({ name: 'event_store.stream-heads.page', text: HEADS_SQL, values: [last?.leaf ?? '-1', batchSize] });
    return rows;
  })) {
    for (const row of page) {
      if (Number(row.leaf) !== expected++) return null;
      entries.push({ streamId: row.stream_id, revision: row.revision, hash: row.hash });
    }
  }
  if (entries.length !== checkpoint.streamCount) return null;
  const heads = StreamHeads.of(entries);
  return heads.root() === checkpoint.headsRoot ? heads : null;
}

/** The heads of the log up to `checkpoint` (inclusive), from its events, in one pass; empty before any checkpoint. */
export async function streamHeadsFromLog(client: PoolClient, checkpoint: StoredCheckpoint | null, batchSize: number): Promise<StreamHeads> {
  const heads = new StreamHeads();
  if (!checkpoint) return heads;
  for await (const page of logHashPages(client, BEFORE_THE_LOG, { upTo: checkpoint.position }, batchSize, true)) {
    for (const row of page) heads.set(row.stream_id as string, row.revision as number, row.hash);
  }
  return heads;
}

/** The heads as of `checkpoint`: the stored ones when they are what it signed, else read from the log. */
export async function streamHeadsAt(client: PoolClient, checkpoint: StoredCheckpoint | null, batchSize: number): Promise<{ heads: StreamHeads; stored: boolean }> {
  const stored = checkpoint ? await storedStreamHeads(client, checkpoint, batchSize) : null;
  return stored ? { heads: stored, stored: true } : { heads: await streamHeadsFromLog(client, checkpoint, batchSize), stored: false };
}

/**
 * Writes the heads that changed. `replaceAll`: the table was not the heads of the last checkpoint; its rows are
 * removed first and every head written, so no stale leaf survives.
 */
export async function saveStreamHeads(client: PoolClient, heads: StreamHeads, replaceAll: boolean): Promise<void> {
  if (replaceAll) await client.query('DELETE FROM event_store.stream_heads');
  const changed = replaceAll ? [...heads.entries()] : heads.takeChanged();
  if (replaceAll) heads.takeChanged();
  for (let i = 0; i < changed.length; i += WRITE_CHUNK) {
    const chunk = changed.slice(i, i + WRITE_CHUNK);
    await client.query({
      name: 'event_store.stream-heads.upsert',
      text: UPSERT_SQL,
      values: [chunk.map((h) => h.streamId), chunk.map((h) => h.leafIndex), chunk.map((h) => h.revision), chunk.map((h) => h.hash)],
    });
  }
  // The block roots, made to agree with the heads: those whose heads moved, and any missing (heads kept before 012),
  // altered or past the full blocks. One row per 1024 heads: cheap to read whole at every run.
  const roots = heads.blockRoots();
  const stored = new Map((await client.query<{ block: string; root: string }>(ALL_BLOCKS_SQL)).rows.map((r) => [Number(r.block), r.root]));
  const extra = [...stored.keys()].filter((b) => !roots.has(b));
  if (extra.length > 0) await client.query('DELETE FROM event_store.stream_head_blocks WHERE block = ANY($1::bigint[])', [extra]);
  await saveBlockRoots(client, [...roots].filter(([b, root]) => stored.get(b) !== root));
}

async function saveBlockRoots(client: PoolClient, blocks: readonly (readonly [number, string])[]): Promise<void> {
  for (let i = 0; i < blocks.length; i += WRITE_CHUNK) {
    const chunk = blocks.slice(i, i + WRITE_CHUNK);
    await client.query({ name: 'event_store.stream-head-blocks.upsert', text: UPSERT_BLOCKS_SQL, values: [chunk.map(([b]) => b), chunk.map(([, r]) => r)] });
  }
}

/**
 * Proofs of these streams' heads at `checkpoint` (version 3) from the stored heads: the blocks holding them (and the
 * last, partial one) read leaf by leaf, every other block by its stored root. Null when what is stored does not give
 * the checkpoint's stream count and signed heads root (an older checkpoint, or tables altered): read the log then.
 */
export async function storedStreamHeadProofs(
  client: PoolClient,
  checkpoint: StoredCheckpoint,
  streamIds: readonly string[],
): Promise<Map<string, StreamHeadProof> | null> {
  if (checkpoint.version !== 3 || checkpoint.streamCount === undefined) return null;
  const count = checkpoint.streamCount;
  const full = Math.floor(count / MERKLE_BLOCK_LEAVES);
  const blockRoots = (await client.query<{ block: string; root: string }>(BLOCKS_SQL, [full])).rows;
  if (blockRoots.length !== full || blockRoots.some((r, i) => Number(r.block) !== i)) return null;
  const targets = (await client.query<HeadRow>(TARGETS_SQL, [[...streamIds]])).rows.filter((t) => Number(t.leaf) < count);
  const marked = new Map(targets.map((t) => [Number(t.leaf), t.stream_id]));
  const readBlocks = new Set([...marked.keys()].map((leaf) => Math.floor(leaf / MERKLE_BLOCK_LEAVES)));
  const builder = new InclusionProofBuilder();
  const heads = new Map<string, HeadRow>();
  const addLeaves = async (from: number, to: number): Promise<boolean> => {
    const rows = (await client.query<HeadRow>(LEAVES_SQL, [from, to])).rows;
    if (rows.length !== to - from || rows.some((r, i) => Number(r.leaf) !== from + i)) return false;
    for (const r of rows) {
      const leaf = Number(r.leaf);
      if (marked.has(leaf)) heads.set(r.stream_id, r);
      builder.add(streamHeadDigest(r.stream_id, r.revision, r.hash), marked.has(leaf));
    }
    return true;
  };
  for (let b = 0; b < full; b++) {
    if (readBlocks.has(b)) {
      if (!(await addLeaves(b * MERKLE_BLOCK_LEAVES, (b + 1) * MERKLE_BLOCK_LEAVES))) return null;
    } else if (!HEX_HASH.test(blockRoots[b].root)) {
      return null; // an altered row that is not even a hash: the log answers instead
    } else {
      builder.addSubtree(MERKLE_BLOCK_LEVEL, blockRoots[b].root);
    }
  }
  if (!(await addLeaves(full * MERKLE_BLOCK_LEAVES, count))) return null;
  const proven = builder.finish();
  if (proven.treeSize !== count || proven.root !== checkpoint.headsRoot) return null;
  const proofs = new Map<string, StreamHeadProof>();
  for (const [leaf, streamId] of marked) {
    const row = heads.get(streamId) as HeadRow;
    proofs.set(streamId, { revision: row.revision, hash: row.hash, leafIndex: leaf, path: proven.proofs.get(leaf) as string[] });
  }
  return proofs;
}
