import type { PoolClient } from 'pg';
import { MERKLE_BLOCK_LEAVES, MerkleFrontier } from '../integrity/merkle-log';
import type { StoredCheckpoint } from '../integrity/signed-checkpoint';
import type { Position } from '../recorded-event';
import { BEFORE_THE_LOG, logHashPages } from './postgres-log-hashes';

/**
 * The stored roots of the Merkle tree's blocks of MERKLE_BLOCK_LEAVES leaves (schema/007-merkle-blocks.sql): written
 * by the checkpointer, read by inclusion proofs. Untrusted by design: a proof built from a wrong root fails at the
 * signed root.
 */
export interface MerkleBlock {
  /** Leaves [block * MERKLE_BLOCK_LEAVES, (block + 1) * MERKLE_BLOCK_LEAVES). */
  readonly block: number;
  readonly root: string;
  /** The log position of the block's last event. */
  readonly last: Position;
}

interface BlockRow {
  readonly block: string;
  readonly root: string;
  readonly last_commit: string;
  readonly last_prepare: string;
}

const INSERT_SQL = `INSERT INTO event_store.merkle_blocks (block, root, last_commit, last_prepare)
  SELECT * FROM unnest($1::bigint[], $2::text[], $3::xid8[], $4::bigint[])`;
// `block` stays bigint (node-postgres hands it over as text): a `block::text` output column would be what ORDER BY
// sorts, and "9" comes after "10".
const LAST_SQL = `SELECT block, root, last_commit::text AS last_commit, last_prepare::text AS last_prepare FROM event_store.merkle_blocks
  ORDER BY block DESC LIMIT 1`;
const INSERT_CHUNK = 5_000;

const toBlock = (r: BlockRow): MerkleBlock => ({ block: Number(r.block), root: r.root, last: { commit: BigInt(r.last_commit), prepare: BigInt(r.last_prepare) } });

/** Collects the blocks a walk over the log completes, as MerkleFrontier.append reports them. */
export class MerkleBlockCollector {
  readonly blocks: MerkleBlock[] = [];

  /** After `frontier.append(hash)` returned `root` for the event at (commit, prepare). */
  completed(frontier: MerkleFrontier, root: string | null, commit: string, prepare: string, firstBlock = 0): void {
    if (root === null) return;
    this.blocks.push({ block: firstBlock + frontier.size / MERKLE_BLOCK_LEAVES - 1, root, last: { commit: BigInt(commit), prepare: BigInt(prepare) } });
  }
}

export async function insertMerkleBlocks(client: PoolClient, blocks: readonly MerkleBlock[]): Promise<void> {
  for (let i = 0; i < blocks.length; i += INSERT_CHUNK) {
    const chunk = blocks.slice(i, i + INSERT_CHUNK);
    await client.query({
      name: 'event_store.merkle-blocks.insert',
      text: INSERT_SQL,
      values: [chunk.map((b) => b.block), chunk.map((b) => b.root), chunk.map((b) => b.last.commit.toString()), chunk.map((b) => b.last.prepare.toString())],
    });
  }
}

/**
 * The blocks a checkpoint covers whole that are not stored yet (a log checkpointed before the table existed, or a
 * block table behind for any reason), computed from the log after the last stored block, up to the checkpoint.
 * Run inside the checkpointer's transaction, before it extends the tree. Returns them; the caller inserts.
 */
export async function missingMerkleBlocks(client: PoolClient, checkpoint: StoredCheckpoint, batchSize: number): Promise<MerkleBlock[]> {
  const wanted = Math.floor(checkpoint.eventCount / MERKLE_BLOCK_LEAVES);
  const stored = (await client.query<BlockRow>({ name: 'event_store.merkle-blocks.last', text: LAST_SQL })).rows[0];
  const have = stored ? Number(stored.block) + 1 : 0;
  if (have >= wanted) return [];
  const after = stored ? toBlock(stored).last : BEFORE_THE_LOG;
  // A block's root needs only its own leaves: a fresh tree from the first missing block's first leaf.
  const frontier = MerkleFrontier.empty();
  const collector = new MerkleBlockCollector();
  // Read to the end (at most a block's worth past the last whole one): leaving a prefetched page in flight would
  // put the caller's next statement beside it on the connection.
  for await (const page of logHashPages(client, after, { upTo: checkpoint.position }, batchSize)) {
    for (const row of page) collector.completed(frontier, frontier.append(row.hash), row.log_commit, row.log_prepare, have);
  }
  return collector.blocks.filter((b) => b.block < wanted);
}
