import type { Pool, PoolClient } from 'pg';
import { NoCoveringCheckpointError, UnknownEventsError } from '../integrity/integrity.errors';
import { frontierSubtrees, InclusionProofBuilder, MERKLE_BLOCK_LEAVES, merkleLeafHash, verifyInclusion, type FrontierSubtree } from '../integrity/merkle-log';
import { signsMerkleRoot, storedFrontierOf, type SignedCheckpoint, type StoredCheckpoint } from '../integrity/signed-checkpoint';
import { checkpointSummary } from '../integrity/verification-report';
import { comparePositions, positionToString, type Position } from '../recorded-event';
import { CHECKPOINT_COLUMNS, toSignedCheckpoint, type CheckpointRow } from './postgres-checkpoint-row';
import { BEFORE_THE_LOG, logHashPages, type LogHashRow } from './postgres-log-hashes';
import { StoredMerkleTree } from './postgres-merkle-nodes';

export interface ProveInclusionOptions {
  /** The events to prove. */
  readonly eventIds?: readonly string[];
  /** Every event of these streams, too. */
  readonly streamIds?: readonly string[];
  /** The checkpoint to prove against (its row id). Default: the latest version 2+ checkpoint, which must cover them all. */
  readonly checkpointId?: string;
  /** Log rows per query. Default 10,000. */
  readonly batchSize?: number;
}

/** One event, where its hash sits in the checkpoint's Merkle tree, and its audit path to the root. */
export interface EventInclusion {
  readonly eventId: string;
  readonly streamId: string;
  readonly revision: number;
  readonly position: Position;
  readonly hash: string;
  readonly leafIndex: number;
  /** Hex, from the leaf's sibling up (RFC 6962 §2.1.1). */
  readonly path: readonly string[];
}

export interface StoreInclusionProofs {
  /** What the proofs lead to: `checkpoint.merkleRoot` over `checkpoint.eventCount` leaves. */
  readonly checkpoint: SignedCheckpoint;
  /** The size of the tree the proofs are for: the checkpoint's eventCount, unless the log was rewritten. */
  readonly treeSize: number;
  /** In log order. */
  readonly events: readonly EventInclusion[];
  /**
   * The stored block or subtree roots gave proofs that fail where the log's own hashes give ones that hold: the
   * stored tree is wrong (altered, or written wrong), and the proofs here are the ones made from the log.
   */
  readonly storedTreeFault?: true;
}

/** An event to prove, as read from the store. */
export interface InclusionTarget {
  readonly eventId: string;
  readonly streamId: string;
  readonly revision: number;
  readonly position: Position;
  readonly hash: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TARGET_COLUMNS = `id::text AS event_id, stream_id, revision, transaction_id::text AS log_commit, position::text AS log_prepare, hash`;
const TARGETS_SQL = `SELECT ${TARGET_COLUMNS} FROM event_store.events WHERE id = ANY($1::uuid[]) OR stream_id = ANY($2::text[])`;
const LATEST_V2_SQL = `SELECT ${CHECKPOINT_COLUMNS} FROM event_store.integrity_checkpoints WHERE claim_version >= 2
  ORDER BY position_commit DESC, position_prepare DESC, id DESC LIMIT 1`;
const FIRST_V2_AT_OR_AFTER_SQL = `SELECT ${CHECKPOINT_COLUMNS} FROM event_store.integrity_checkpoints
  WHERE claim_version >= 2 AND (position_commit, position_prepare) >= ($1::bigint, $2::bigint)
  ORDER BY position_commit, position_prepare, id LIMIT 1`;
const BY_ID_SQL = `SELECT ${CHECKPOINT_COLUMNS} FROM event_store.integrity_checkpoints WHERE id = $1::bigint`;
// The latest version 2+ checkpoint strictly before a position: its frontier stands in for the log before it.
const RESUME_SQL = `SELECT ${CHECKPOINT_COLUMNS} FROM event_store.integrity_checkpoints
  WHERE claim_version >= 2 AND (position_commit, position_prepare) < ($1::bigint, $2::bigint)
  ORDER BY position_commit DESC, position_prepare DESC, id DESC LIMIT 5`;

interface TargetRow {
  readonly event_id: string;
  readonly stream_id: string;
  readonly revision: number;
  readonly log_commit: string;
  readonly log_prepare: string;
  readonly hash: string;
}

/**
 * Inclusion proofs of events (by id, or all of some streams) in a signed version 2+ checkpoint: for each, its leaf
 * index in the log and its audit path to the checkpoint's merkle root. Everything is read in one REPEATABLE READ
 * snapshot; the log's hashes in (transaction_id, position) order, in keyset pages, one pass for every proof.
 */
export async function proveInclusion(pool: Pool, options: ProveInclusionOptions): Promise<StoreInclusionProofs> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const eventIds = options.eventIds ?? [];
    const malformed = eventIds.filter((id) => !UUID.test(id));
    if (malformed.length > 0) throw new UnknownEventsError(malformed);
    const { rows } = await client.query<TargetRow>(TARGETS_SQL, [eventIds, options.streamIds ?? []]);
    const found = new Set(rows.map((r) => r.event_id));
    const unknown = eventIds.filter((id) => !found.has(id.toLowerCase()));
    if (unknown.length > 0) throw new UnknownEventsError(unknown);
    const proofs = await proveInclusionInSnapshot(client, rows.map(toTarget), options);
    await client.query('COMMIT');
    return proofs;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

/**
 * The proofs, inside a snapshot the caller holds (exportBundle reads the events in the same one). With the block
 * roots stored (postgres-merkle-blocks.ts, postgres-merkle-nodes.ts) the log's hashes are read only inside the blocks
 * that hold targets and after the last whole block; each run of blocks between is its fewest aligned stored
 * subtrees, up to the first subtree of the proving checkpoint's own frontier that starts after the last target (the
 * rest of the tree is those subtrees' roots). Without blocks the hashes are read between two stored frontiers that
 * fold into their signed roots: from the latest version 2+ checkpoint before the first target (the log before it is
 * its frontier, for every later proof) up to that subtree; without frontiers, from the log's start to the checkpoint.
 * A rewritten log gives proofs that do not verify; it never makes one verify.
 */
export async function proveInclusionInSnapshot(
  client: PoolClient,
  targets: readonly InclusionTarget[],
  options: Pick<ProveInclusionOptions, 'checkpointId' | 'batchSize'> = {},
): Promise<StoreInclusionProofs> {
  const sorted = [...targets].sort((a, b) => comparePositions(a.position, b.position));
  const last = sorted.length > 0 ? sorted[sorted.length - 1].position : null;
  const checkpoint = await coveringCheckpoint(client, last, options.checkpointId);
  const batchSize = options.batchSize ?? 10_000;
  const proofs = await proofsOf(client, sorted, checkpoint, batchSize, true);
  // The stored block and subtree roots are unsigned: a wrong one gives a proof that fails at the signed root, which
  // would blame an honest event. Such proofs are made again from the log's own hashes; if those hold, the stored tree
  // was wrong (said in `storedTreeFault`), and the proofs given are the ones made from the log.
  if (proofs.events.every((e) => proves(e, proofs.treeSize, checkpoint))) return proofs;
  const fromLog = await proofsOf(client, sorted, checkpoint, batchSize, false);
  const fault = fromLog.events.some((e, i) => proves(e, fromLog.treeSize, checkpoint) && !proves(proofs.events[i], proofs.treeSize, checkpoint));
  return fault ? { ...fromLog, storedTreeFault: true } : proofs;
}

function proves(e: EventInclusion, treeSize: number, checkpoint: SignedCheckpoint): boolean {
  if (checkpoint.merkleRoot === undefined) return false;
  try {
    return verifyInclusion(merkleLeafHash(e.hash), e.leafIndex, treeSize, e.path, checkpoint.merkleRoot);
  } catch {
    return false;
  }
}

async function proofsOf(
  client: PoolClient,
  sorted: readonly InclusionTarget[],
  checkpoint: StoredCheckpoint,
  batchSize: number,
  useStoredTree: boolean,
): Promise<StoreInclusionProofs> {
  const walk = new ProofWalk(sorted, tailOf(checkpoint));
  const tree = sorted.length > 0 && useStoredTree ? await StoredMerkleTree.open(client, Math.floor(checkpoint.eventCount / MERKLE_BLOCK_LEAVES)) : null;
  let from: Position = BEFORE_THE_LOG;
  if (tree) {
    // Stored blocks from the log's start: the log is read only inside the blocks that hold targets; each run of
    // blocks between them, and up to where the proving checkpoint's frontier takes over, is a few stored subtrees.
    let next = 0;
    while (!walk.reachedTail() && next < tree.blocks) {
      // A stored block end that is not where 1024 leaves end (rewritten rows): on leaf by leaf, to a proof that fails.
      if (walk.builder.size !== next * MERKLE_BLOCK_LEAVES) break;
      if (!walk.pending()) {
        // Every target found: on to where the proving checkpoint's frontier takes over, the rest leaf by leaf.
        const tail = walk.tailStart();
        const goal = tail === undefined ? tree.blocks : Math.min(tree.blocks, Math.floor(tail / MERKLE_BLOCK_LEAVES));
        if (goal > next) {
          await tree.addBlocks(walk.builder, next, goal);
          from = await tree.lastOf(goal - 1);
        }
        break;
      }
      const holding = await tree.blockHolding(walk.nextTarget());
      if (holding !== null && holding.block < next) break; // a target its block did not hold: the leaf walk says so
      const goal = holding?.block ?? tree.blocks;
      if (goal > next) {
        await tree.addBlocks(walk.builder, next, goal);
        from = holding ? holding.after : await tree.lastOf(goal - 1);
        next = goal;
      }
      if (!holding) break;
      for await (const page of logHashPages(client, from, { upTo: holding.last }, batchSize)) walk.addLeaves(page);
      from = holding.last;
      next += 1;
    }
  } else {
    const resume = sorted.length > 0 ? await resumePoint(client, sorted[0].position) : null;
    walk.builder = resume ? InclusionProofBuilder.resume(resume.eventCount, resume.frontier) : new InclusionProofBuilder();
    from = resume?.position ?? BEFORE_THE_LOG;
  }
  // Whatever is left, leaf by leaf: the part of the tree after the last stored block, or all of it without blocks.
  if (!walk.reachedTail()) {
    for await (const page of logHashPages(client, from, { upTo: checkpoint.position }, batchSize)) {
      if (!walk.addLeaves(page)) break;
    }
  }
  const { treeSize, proofs } = walk.finish();
  return {
    checkpoint: checkpointSummary(checkpoint),
    treeSize,
    events: sorted.map((t) => {
      const leafIndex = walk.leafOf.get(t);
      // Only a log rewritten under the snapshot's feet (impossible) or a target outside it gets here.
      if (leafIndex === undefined) throw new Error(`event ${t.eventId} at ${positionToString(t.position)} was not found in the log`);
      return { ...t, leafIndex, path: proofs.get(leafIndex) as string[] };
    }),
  };
}

/**
 * One pass over the tree for every proof: leaves added one by one (marking targets) or as stored subtrees, until
 * the first subtree of the proving checkpoint's frontier that starts after the last target, whose roots stand for
 * the rest of the tree.
 */
class ProofWalk {
  builder = new InclusionProofBuilder();
  readonly leafOf = new Map<InclusionTarget, number>();
  private readonly wanted: Map<string, InclusionTarget>;
  private stopAt: FrontierSubtree | undefined;
  private next = 0;

  constructor(
    private readonly sorted: readonly InclusionTarget[],
    private readonly tail: readonly FrontierSubtree[],
  ) {
    this.wanted = new Map(sorted.map((t) => [t.position.prepare.toString(), t]));
  }

  pending(): boolean {
    return this.leafOf.size < this.wanted.size;
  }

  /** The position of the first target not found yet. */
  nextTarget(): Position {
    while (this.next < this.sorted.length && this.leafOf.has(this.sorted[this.next])) this.next++;
    return this.sorted[Math.min(this.next, this.sorted.length - 1)].position;
  }

  /** Where the frontier's subtrees take over (known once every target is found), if the checkpoint stored one. */
  tailStart(): number | undefined {
    return this.stopAt?.start;
  }

  reachedTail(): boolean {
    return this.stopAt !== undefined && this.builder.size === this.stopAt.start;
  }

  /** Adds leaves in log order; false once the tail is reached (the rest of the page is not needed). */
  addLeaves(rows: readonly LogHashRow[]): boolean {
    for (const row of rows) {
      if (this.reachedTail()) return false;
      const target = this.wanted.get(row.log_prepare);
      const leaf = this.builder.add(row.hash, target !== undefined);
      if (!target) continue;
      this.leafOf.set(target, leaf);
      if (!this.pending()) this.stopAt = this.tail.find((t) => t.start > leaf);
    }
    return !this.reachedTail();
  }

  finish(): ReturnType<InclusionProofBuilder['finish']> {
    if (this.reachedTail()) {
      const stopAt = this.stopAt as FrontierSubtree;
      for (const t of this.tail) if (t.start >= stopAt.start) this.builder.addSubtree(t.level, t.root);
    }
    return this.builder.finish();
  }
}

/** The subtrees of the proving checkpoint's stored frontier, when it folds into the root it signed; else none. */
function tailOf(checkpoint: StoredCheckpoint): readonly FrontierSubtree[] {
  const frontier = storedFrontierOf(checkpoint);
  return frontier ? frontierSubtrees(checkpoint.eventCount, frontier.toJSON()) : [];
}

function toTarget(r: TargetRow): InclusionTarget {
  return {
    eventId: r.event_id,
    streamId: r.stream_id,
    revision: r.revision,
    position: { commit: BigInt(r.log_commit), prepare: BigInt(r.log_prepare) },
    hash: r.hash,
  };
}

async function latestVersion2Checkpoint(client: PoolClient): Promise<StoredCheckpoint | null> {
  const { rows } = await client.query<CheckpointRow>({ name: 'event_store.inclusion.latest-v2', text: LATEST_V2_SQL });
  return rows[0] ? toSignedCheckpoint(rows[0]) : null;
}

/** The first version 2+ checkpoint covering an event at `position`: the smallest tree its hash is a leaf of. */
export async function firstVersion2CheckpointAtOrAfter(client: PoolClient, position: Position): Promise<StoredCheckpoint | null> {
  const { rows } = await client.query<CheckpointRow>({
    name: 'event_store.inclusion.first-v2-after',
    text: FIRST_V2_AT_OR_AFTER_SQL,
    values: [position.commit.toString(), position.prepare.toString()],
  });
  return rows[0] ? toSignedCheckpoint(rows[0]) : null;
}

async function coveringCheckpoint(client: PoolClient, last: Position | null, checkpointId: string | undefined): Promise<StoredCheckpoint> {
  let checkpoint: StoredCheckpoint | null = null;
  if (checkpointId !== undefined) {
    if (!/^\d+$/.test(checkpointId)) throw new NoCoveringCheckpointError(last, null, `no checkpoint ${checkpointId}`);
    const { rows } = await client.query<CheckpointRow>(BY_ID_SQL, [checkpointId]);
    checkpoint = rows[0] ? toSignedCheckpoint(rows[0]) : null;
    if (!checkpoint) throw new NoCoveringCheckpointError(last, null, `no checkpoint ${checkpointId}`);
    if (!signsMerkleRoot(checkpoint)) throw new NoCoveringCheckpointError(last, checkpoint, `checkpoint ${checkpointId} is a version 1 claim, without a merkle root`);
  } else {
    checkpoint = await latestVersion2Checkpoint(client);
    if (!checkpoint) throw new NoCoveringCheckpointError(last, null, 'no version 2+ checkpoint has been signed');
  }
  if (last && comparePositions(checkpoint.position, last) < 0) {
    throw new NoCoveringCheckpointError(last, checkpoint, `checkpoint ${checkpoint.id} ends at ${positionToString(checkpoint.position)}, before the last event to prove`);
  }
  return checkpoint;
}

async function resumePoint(client: PoolClient, first: Position): Promise<{ position: Position; eventCount: number; frontier: readonly string[] } | null> {
  const { rows } = await client.query<CheckpointRow>({
    name: 'event_store.inclusion.resume',
    text: RESUME_SQL,
    values: [first.commit.toString(), first.prepare.toString()],
  });
  for (const row of rows) {
    const cp = toSignedCheckpoint(row);
    const frontier = storedFrontierOf(cp);
    if (frontier) return { position: cp.position, eventCount: cp.eventCount, frontier: frontier.toJSON() };
  }
  return null;
}
