import type { PoolClient } from 'pg';
import { MERKLE_BLOCK_LEVEL, merkleNode } from '../integrity/merkle-log';
import type { Position } from '../recorded-event';
import { BEFORE_THE_LOG } from './postgres-log-hashes';

/**
 * The stored subtree roots above the blocks (schema/008-merkle-nodes.sql): level MERKLE_BLOCK_LEVEL + 1 and up,
 * made from the block roots by the checkpointer and read by inclusion proofs. Untrusted like the blocks.
 */
export interface MerkleNode {
  readonly level: number;
  /** Leaves [index * 2^level, (index + 1) * 2^level). */
  readonly index: number;
  readonly root: string;
}

/** The highest level a stored node can have (the table's CHECK). */
export const MERKLE_TOP_LEVEL = 52;

const STORED_TOPS_SQL = `SELECT l AS level, (SELECT max(idx) FROM event_store.merkle_nodes WHERE level = l)::text AS top
  FROM generate_series($1::int, $2::int) AS l`;
const BLOCK_RANGE_SQL = `SELECT block::text AS idx, root FROM event_store.merkle_blocks WHERE block >= $1 AND block < $2 ORDER BY block`;
const NODE_RANGE_SQL = `SELECT idx::text AS idx, root FROM event_store.merkle_nodes WHERE level = $1 AND idx >= $2 AND idx < $3 ORDER BY idx`;
const INSERT_SQL = `INSERT INTO event_store.merkle_nodes (level, idx, root) SELECT * FROM unnest($1::smallint[], $2::bigint[], $3::text[])`;
const LOOKUP_SQL = `SELECT level, idx::text AS idx, root FROM event_store.merkle_nodes n
  WHERE (n.level, n.idx) IN (SELECT * FROM unnest($1::smallint[], $2::bigint[]))`;
const INSERT_CHUNK = 5_000;
/** Block roots asked for in one query when a proof falls back to blocks. */
const LOOKUP_CHUNK = 5_000;

/** The subtrees of a level, stored or just made, as index -> root. */
type Level = Map<number, string>;

/**
 * The nodes the first `blockCount` blocks complete that are not stored yet, made level by level from their two
 * children (stored, or made on the way). Each level is filled on from its highest stored node, so a run after a
 * checkpoint reads a few rows per level; a log whose blocks predate the table reads its block roots once. A child
 * missing (a block table behind) ends its level there: nodes are only ever made from what is stored.
 */
export async function missingMerkleNodes(client: PoolClient, blockCount: number): Promise<MerkleNode[]> {
  const topLevel = Math.min(MERKLE_TOP_LEVEL, MERKLE_BLOCK_LEVEL + Math.floor(Math.log2(Math.max(blockCount, 1))));
  if (topLevel <= MERKLE_BLOCK_LEVEL) return [];
  const tops = new Map(
    (await client.query<{ level: number; top: string | null }>({ name: 'event_store.merkle-nodes.tops', text: STORED_TOPS_SQL, values: [MERKLE_BLOCK_LEVEL + 1, topLevel] })).rows.map((r) => [
      r.level,
      r.top === null ? -1 : Number(r.top),
    ]),
  );
  const made: MerkleNode[] = [];
  let below: Level = new Map();
  let belowFirst = Infinity;
  for (let level = MERKLE_BLOCK_LEVEL + 1; level <= topLevel; level++) {
    const complete = Math.floor(blockCount / 2 ** (level - MERKLE_BLOCK_LEVEL));
    const first = (tops.get(level) ?? -1) + 1;
    const here: Level = new Map();
    if (first < complete) {
      const children = await childrenOf(client, level - 1, 2 * first, 2 * complete, below, belowFirst);
      for (let index = first; index < complete; index++) {
        const left = children.get(2 * index);
        const right = children.get(2 * index + 1);
        if (left === undefined || right === undefined) break;
        const root = merkleNode(left, right);
        here.set(index, root);
        made.push({ level, index, root });
      }
    }
    below = here;
    belowFirst = first;
  }
  return made;
}

/**
 * Roots of `level` at indices [from, to): those just made (contiguous, from their lowest index on), the ones before
 * them read in one range query.
 */
async function childrenOf(client: PoolClient, level: number, from: number, to: number, made: Level, madeFrom: number): Promise<Level> {
  const children: Level = new Map(made);
  const readTo = Math.min(to, made.size > 0 ? madeFrom : to);
  if (from >= readTo) return children;
  const { rows } =
    level === MERKLE_BLOCK_LEVEL
      ? await client.query<{ idx: string; root: string }>({ name: 'event_store.merkle-nodes.block-range', text: BLOCK_RANGE_SQL, values: [from, readTo] })
      : await client.query<{ idx: string; root: string }>({ name: 'event_store.merkle-nodes.node-range', text: NODE_RANGE_SQL, values: [level, from, readTo] });
  for (const r of rows) children.set(Number(r.idx), r.root);
  return children;
}

export async function insertMerkleNodes(client: PoolClient, nodes: readonly MerkleNode[]): Promise<void> {
  for (let i = 0; i < nodes.length; i += INSERT_CHUNK) {
    const chunk = nodes.slice(i, i + INSERT_CHUNK);
    await client.query({ name: 'event_store.merkle-nodes.insert', text: INSERT_SQL, values: [chunk.map((n) => n.level), chunk.map((n) => n.index), chunk.map((n) => n.root)] });
  }
}

/** The stored nodes among those asked for, by `level:index`. */
export async function storedMerkleNodes(client: PoolClient, wanted: readonly { level: number; index: number }[]): Promise<Map<string, string>> {
  if (wanted.length === 0) return new Map();
  const { rows } = await client.query<{ level: number; idx: string; root: string }>({
    name: 'event_store.merkle-nodes.lookup',
    text: LOOKUP_SQL,
    values: [wanted.map((w) => w.level), wanted.map((w) => w.index)],
  });
  return new Map(rows.map((r) => [`${r.level}:${r.idx}`, r.root]));
}

const WHOLE_SQL = `SELECT count(*)::int AS n FROM event_store.merkle_blocks WHERE block < $1`;
// The block holding a position, with the one before it: where a read of its leaves starts.
const HOLDING_SQL = `WITH h AS (SELECT block FROM event_store.merkle_blocks
    WHERE (last_commit, last_prepare) >= ($1::xid8, $2::bigint) ORDER BY last_commit, last_prepare LIMIT 1)
  SELECT b.block::text AS block, b.last_commit::text AS last_commit, b.last_prepare::text AS last_prepare
  FROM event_store.merkle_blocks b JOIN h ON b.block IN (h.block - 1, h.block) ORDER BY b.block`;
const LAST_OF_SQL = `SELECT last_commit::text AS last_commit, last_prepare::text AS last_prepare FROM event_store.merkle_blocks WHERE block = $1`;
const BLOCKS_SQL = `SELECT block::text AS idx, root FROM event_store.merkle_blocks WHERE block = ANY($1::bigint[])`;

/** What a proof builder takes a stored subtree with. */
export interface SubtreeSink {
  addSubtree(level: number, root: string): void;
}

/**
 * The stored tree of a log, as an inclusion proof walks it: which block holds an event, and any run of whole blocks
 * as the fewest aligned stored subtrees (a node where stored, else its blocks), O(log n) rows for any run.
 */
export class StoredMerkleTree {
  private constructor(
    private readonly client: PoolClient,
    /** Blocks 0 .. blocks - 1 are all stored. */
    readonly blocks: number,
  ) {}

  /** The stored tree over the first `wholeBlocks` blocks, or null unless every one of them is stored. */
  static async open(client: PoolClient, wholeBlocks: number): Promise<StoredMerkleTree | null> {
    if (wholeBlocks <= 0) return null;
    const { rows } = await client.query<{ n: number }>({ name: 'event_store.merkle-tree.whole', text: WHOLE_SQL, values: [wholeBlocks] });
    // block is the primary key and never negative: as many rows below wholeBlocks as blocks means each is there.
    return rows[0].n === wholeBlocks ? new StoredMerkleTree(client, wholeBlocks) : null;
  }

  /**
   * The block whose leaves hold the event at `position`, where its last event is and where the block before it ends
   * (the log's start for block 0); null when the event is after the stored blocks.
   */
  async blockHolding(position: Position): Promise<{ block: number; last: Position; after: Position } | null> {
    const { rows } = await this.client.query<{ block: string; last_commit: string; last_prepare: string }>({
      name: 'event_store.merkle-tree.holding',
      text: HOLDING_SQL,
      values: [position.commit.toString(), position.prepare.toString()],
    });
    const at = (r: { last_commit: string; last_prepare: string }): Position => ({ commit: BigInt(r.last_commit), prepare: BigInt(r.last_prepare) });
    const holding = rows[rows.length - 1];
    if (!holding || Number(holding.block) >= this.blocks) return null;
    const block = Number(holding.block);
    if (block > 0 && rows.length < 2) throw new Error(`merkle block ${block - 1} is not stored`);
    return { block, last: at(holding), after: block === 0 ? BEFORE_THE_LOG : at(rows[0]) };
  }

  /** The log position of a stored block's last event. */
  async lastOf(block: number): Promise<Position> {
    const { rows } = await this.client.query<{ last_commit: string; last_prepare: string }>({ name: 'event_store.merkle-tree.last-of', text: LAST_OF_SQL, values: [block] });
    if (!rows[0]) throw new Error(`merkle block ${block} is not stored`);
    return { commit: BigInt(rows[0].last_commit), prepare: BigInt(rows[0].last_prepare) };
  }

  /** Adds blocks [from, to) to the sink as aligned subtrees, largest first where alignment allows. */
  async addBlocks(sink: SubtreeSink, from: number, to: number): Promise<void> {
    const pieces = alignedPieces(from, to);
    const nodes = await storedMerkleNodes(
      this.client,
      pieces.filter((p) => p.height > 0).map((p) => ({ level: MERKLE_BLOCK_LEVEL + p.height, index: p.start / 2 ** p.height })),
    );
    // A node not stored (its level behind): its blocks instead, all of which are.
    const subtrees: { level: number; root: string | undefined; block?: number }[] = [];
    for (const p of pieces) {
      const level = MERKLE_BLOCK_LEVEL + p.height;
      const root = p.height > 0 ? nodes.get(`${level}:${p.start / 2 ** p.height}`) : undefined;
      if (root !== undefined) subtrees.push({ level, root });
      else for (let b = p.start; b < p.start + 2 ** p.height; b++) subtrees.push({ level: MERKLE_BLOCK_LEVEL, root: undefined, block: b });
    }
    const wanted = subtrees.filter((s) => s.block !== undefined).map((s) => s.block as number);
    const blockRoots = new Map<number, string>();
    for (let i = 0; i < wanted.length; i += LOOKUP_CHUNK) {
      const { rows } = await this.client.query<{ idx: string; root: string }>({ name: 'event_store.merkle-tree.blocks', text: BLOCKS_SQL, values: [wanted.slice(i, i + LOOKUP_CHUNK)] });
      for (const r of rows) blockRoots.set(Number(r.idx), r.root);
    }
    for (const s of subtrees) {
      const root = s.root ?? blockRoots.get(s.block as number);
      if (root === undefined) throw new Error(`merkle block ${s.block} is not stored`);
      sink.addSubtree(s.level, root);
    }
  }
}

/** [from, to) as aligned runs of 2^height blocks, left to right, each the largest its start allows. */
export function alignedPieces(from: number, to: number): { start: number; height: number }[] {
  const pieces: { start: number; height: number }[] = [];
  for (let start = from; start < to; ) {
    let height = 0;
    while (height < MERKLE_TOP_LEVEL - MERKLE_BLOCK_LEVEL && start % 2 ** (height + 1) === 0 && start + 2 ** (height + 1) <= to) height++;
    pieces.push({ start, height });
    start += 2 ** height;
  }
  return pieces;
}
