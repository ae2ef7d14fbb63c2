import type { Pool, PoolClient } from 'pg';
import type { CheckpointPublicKey, CheckpointSigner } from '../integrity/checkpoint-signer';
import { loadCheckpointPublicKey } from '../integrity/checkpoint-signer';
import { LogDigest } from '../integrity/log-digest';
import { MERKLE_BLOCK_LEAVES, MerkleFrontier } from '../integrity/merkle-log';
import {
  checkCheckpointSignature,
  checkpointKeyRing,
  CURRENT_CLAIM_VERSION,
  signCheckpoint,
  signsMerkleRoot,
  storedFrontierOf,
  type SignedCheckpoint,
  type StoredCheckpoint,
} from '../integrity/signed-checkpoint';
import type { Position } from '../recorded-event';
import { CHECKPOINT_COLUMNS, toSignedCheckpoint, type CheckpointRow } from './postgres-checkpoint-row';
import { BEFORE_THE_LOG, logHashPages } from './postgres-log-hashes';
import { insertMerkleBlocks, MerkleBlockCollector, missingMerkleBlocks } from './postgres-merkle-blocks';
import { insertMerkleNodes, missingMerkleNodes } from './postgres-merkle-nodes';
import type { StreamHeads } from '../integrity/stream-heads';
import { saveStreamHeads, streamHeadsAt } from './postgres-stream-heads';

// The row mapping moved to its own file; it stays importable from here, where it first was.
export { CHECKPOINT_COLUMNS, toSignedCheckpoint, type CheckpointRow } from './postgres-checkpoint-row';

// 'ICS2CP' in ASCII: serialises checkpointers across replicas; any fixed key distinct from other lock users works.
const CHECKPOINTER_LOCK_KEY = '0x494353324350';

const LAST_SQL = `SELECT ${CHECKPOINT_COLUMNS} FROM event_store.integrity_checkpoints
  ORDER BY position_commit DESC, position_prepare DESC, id DESC LIMIT 1`;

const INSERT_SQL = `INSERT INTO event_store.integrity_checkpoints
  (position_commit, position_prepare, event_count, digest, signature, key_id, created_at, claim_version, merkle_root, merkle_frontier,
   stream_count, heads_root)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id::text AS checkpoint_id`;

export interface CreateCheckpointOptions {
  /** Clock for `createdAt`. Default: the system clock. */
  readonly now?: () => Date;
  /** Keys besides the signer's own that may have signed the checkpoint being extended (earlier, rotated keys). */
  readonly trustedKeys?: readonly (CheckpointPublicKey | string)[];
  /** Event rows read per query. Default 10,000. */
  readonly batchSize?: number;
  /**
   * The heads this caller signed last, kept between its runs (PostgresCheckpointer keeps one): a run that extends
   * that same checkpoint continues from them instead of reading event_store.stream_heads (O(streams)).
   */
  readonly headsCache?: StreamHeadsCache;
  /**
   * With nothing new to sign, sign the last checkpoint's claim again (a heartbeat, same position, later createdAt)
   * once it is this old. The newest signature then shows how recently the store was vouched for, which verification
   * checks (`maxCheckpointAgeMs`) instead of trusting recorded_at. Absent: a run with nothing new writes nothing.
   */
  readonly heartbeatMs?: number;
}

/** The heads a checkpointer signed in its last run, and the checkpoint they are of. */
export interface StreamHeadsCache {
  checkpointId: string | null;
  heads: StreamHeads | null;
}

export interface CheckpointOutcome {
  /** The newest checkpoint after the call, with its stored frontier; null while the stable log is empty. */
  readonly checkpoint: StoredCheckpoint | null;
  /** False when nothing was written: nothing had been appended since the last checkpoint, and no heartbeat was due. */
  readonly created: boolean;
  /** True when the checkpoint written is a heartbeat: the last one's claim signed again, at the same position. */
  readonly heartbeat?: boolean;
}

/**
 * Signs a version 3 checkpoint over the stable global log: continues the running digest, the Merkle tree and the
 * stream heads from the last checkpoint over the events after it, in (transaction_id, position) order, and inserts
 * {position, eventCount, digest, merkleRoot, streamCount, headsRoot, signature, keyId} with the tree's frontier, and
 * writes the heads that moved (event_store.stream_heads). The heads resume from that table when it gives the last
 * checkpoint's signed heads root; else (after a version 1 or 2 checkpoint, or a table that was altered) they are
 * read once from the log, which must then give that root (version 3). The tree resumes from the last
 * checkpoint's stored frontier; after a version 1 checkpoint (or a frontier that does not fold into its signed root)
 * it is rebuilt once from the log, which must then still give that checkpoint's count and digest.
 * Writes nothing when no event was added, unless a heartbeat is due (`heartbeatMs`). Concurrent callers (replicas)
 * take turns on an advisory lock. Refuses to extend a last checkpoint whose signature does not verify, since
 * everything after it would inherit its claim.
 */
export async function createCheckpoint(
  pool: Pool,
  signer: CheckpointSigner,
  options: CreateCheckpointOptions = {},
): Promise<CheckpointOutcome> {
  const batchSize = options.batchSize ?? 10_000;
  const keys = checkpointKeyRing([
    loadCheckpointPublicKey(signer.publicKeyPem),
    ...(options.trustedKeys ?? []),
  ]);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Transaction-scoped: released by COMMIT or ROLLBACK, even when this process dies mid-way.
    await client.query(`SELECT pg_advisory_xact_lock(${CHECKPOINTER_LOCK_KEY}::bigint)`);
    const last = await lastCheckpoint(client);
    if (last) {
      const check = checkCheckpointSignature(last, keys);
      if (check !== 'valid') throw new Error(`refusing to extend checkpoint ${last.id}: its signature is ${check === 'forged' ? 'forged' : `by unknown key ${last.keyId}`}`);
    }
    const watermark = (await client.query<{ xmin: string }>('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin')).rows[0].xmin;
    const digest = last ? new LogDigest(last.digest, last.eventCount) : new LogDigest();
    const frontier = last ? (storedFrontierOf(last) ?? (await rebuildFrontier(client, last, batchSize))) : MerkleFrontier.empty();
    const cache = options.headsCache;
    const cached = cache?.heads && last?.id !== undefined && cache.checkpointId === last.id ? cache.heads : null;
    // Taken: this run moves the heads, and only its commit gives them back.
    if (cache) Object.assign(cache, { checkpointId: null, heads: null });
    const { heads, stored: headsStored } =
      cached && last?.version === 3 && cached.size === last.streamCount && cached.root() === last.headsRoot
        ? { heads: cached, stored: true }
        : await streamHeadsAt(client, last, batchSize);
    if (last?.version === 3 && !headsStored && (heads.size !== last.streamCount || heads.root() !== last.headsRoot)) {
      throw new Error(`refusing to extend checkpoint ${last.id}: the log up to it no longer gives its stream heads (run verifyStore)`);
    }
    // The block roots inclusion proofs read (postgres-merkle-blocks.ts): any the last checkpoint covers but the table
    // lacks, then those the new events complete.
    const blocks = new MerkleBlockCollector();
    if (last) blocks.blocks.push(...(await missingMerkleBlocks(client, last, batchSize)));
    let position: Position | null = null;
    let end: { log_commit: string; log_prepare: string } | null = null;
    for await (const page of logHashPages(client, last?.position ?? BEFORE_THE_LOG, { belowTransaction: watermark }, batchSize, true)) {
      for (const row of page) {
        digest.add(row.hash);
        heads.set(row.stream_id as string, row.revision as number, row.hash);
        blocks.completed(frontier, frontier.append(row.hash), row.log_commit, row.log_prepare);
      }
      end = page[page.length - 1];
    }
    if (end) position = { commit: BigInt(end.log_commit), prepare: BigInt(end.log_prepare) };
    await insertMerkleBlocks(client, blocks.blocks);
    // And the subtrees above them (postgres-merkle-nodes.ts), from the block roots now stored.
    await insertMerkleNodes(client, await missingMerkleNodes(client, Math.floor(digest.eventCount / MERKLE_BLOCK_LEAVES)));
    const now = (options.now ?? (() => new Date()))();
    const heartbeat = !position && last !== null && options.heartbeatMs !== undefined && now.getTime() - Date.parse(last.createdAt) >= options.heartbeatMs;
    if (heartbeat) position = (last as StoredCheckpoint).position;
    if (!position) {
      await client.query('COMMIT');
      if (cache && last?.id !== undefined) Object.assign(cache, { checkpointId: last.id, heads });
      return { checkpoint: last, created: false };
    }
    const createdAt = now.toISOString();
    const signed = signCheckpoint(
      {
        version: CURRENT_CLAIM_VERSION,
        position,
        eventCount: digest.eventCount,
        digest: digest.digest,
        merkleRoot: frontier.root(),
        streamCount: heads.size,
        headsRoot: heads.root(),
        createdAt,
      },
      signer,
    );
    const merkleFrontier = frontier.toJSON();
    const inserted = await client.query<{ checkpoint_id: string }>(INSERT_SQL, [
      signed.position.commit.toString(),
      signed.position.prepare.toString(),
      signed.eventCount,
      signed.digest,
      signed.signature,
      signed.keyId,
      signed.createdAt,
      signed.version,
      signed.merkleRoot,
      JSON.stringify(merkleFrontier),
      signed.streamCount,
      signed.headsRoot,
    ]);
    await saveStreamHeads(client, heads, !headsStored);
    await client.query('COMMIT');
    if (cache) Object.assign(cache, { checkpointId: inserted.rows[0].checkpoint_id, heads });
    return { checkpoint: { ...signed, id: inserted.rows[0].checkpoint_id, merkleFrontier }, created: true, ...(heartbeat ? { heartbeat } : {}) };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

async function lastCheckpoint(client: PoolClient): Promise<StoredCheckpoint | null> {
  const { rows } = await client.query<CheckpointRow>({ name: 'event_store.checkpointer.last', text: LAST_SQL });
  return rows[0] ? toSignedCheckpoint(rows[0]) : null;
}

/**
 * The tree up to `last`, from the log: once, after a version 1 checkpoint. The log must still give the
 * checkpoint's count and digest (and root, version 2), or the new checkpoint would sign a root over a rewritten log.
 */
async function rebuildFrontier(client: PoolClient, last: StoredCheckpoint, batchSize: number): Promise<MerkleFrontier> {
  const digest = new LogDigest();
  const frontier = MerkleFrontier.empty();
  for await (const page of logHashPages(client, BEFORE_THE_LOG, { upTo: last.position }, batchSize)) {
    for (const row of page) {
      digest.add(row.hash);
      frontier.append(row.hash);
    }
  }
  const agrees =
    digest.eventCount === last.eventCount && digest.digest === last.digest && (!signsMerkleRoot(last) || frontier.root() === last.merkleRoot);
  if (!agrees) throw new Error(`refusing to extend checkpoint ${last.id}: the log up to it no longer gives its count and digest (run verifyStore)`);
  return frontier;
}

export interface PostgresCheckpointerOptions extends CreateCheckpointOptions {
  /** Time between the end of one run and the start of the next. Default 60 s. */
  readonly intervalMs?: number;
  /** Each checkpoint written; `heartbeat` when it signs the last one's claim again (nothing new was appended). */
  readonly onCheckpoint?: (checkpoint: SignedCheckpoint, heartbeat: boolean) => void;
  /** A failed run is reported here and retried at the next interval. Default: ignore. */
  readonly onError?: (error: unknown) => void;
}

/**
 * Runs createCheckpoint periodically for a service, and on demand. Runs of one instance never overlap (on-demand
 * calls queue behind a running one); replicas are serialised by createCheckpoint's advisory lock.
 */
export class PostgresCheckpointer {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private started = false;
  /** The heads of this instance's last checkpoint: the next run continues from them (runs never overlap). */
  private readonly headsCache: StreamHeadsCache = { checkpointId: null, heads: null };

  constructor(
    private readonly pool: Pool,
    private readonly signer: CheckpointSigner,
    private readonly options: PostgresCheckpointerOptions = {},
  ) {}

  start(): void {
    if (this.started) return;
    this.started = true;
    this.schedule();
  }

  /** Stops the schedule and waits for a run in progress. */
  async stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running.catch(() => undefined);
  }

  /** Makes a checkpoint now (after any run in progress). Errors reach the caller, not onError. */
  checkpointNow(): Promise<CheckpointOutcome> {
    const run = this.running.catch(() => undefined).then(() => createCheckpoint(this.pool, this.signer, { ...this.options, headsCache: this.headsCache }));
    this.running = run;
    return run.then((outcome) => {
      if (outcome.created && outcome.checkpoint) this.options.onCheckpoint?.(outcome.checkpoint, outcome.heartbeat === true);
      return outcome;
    });
  }

  private schedule(): void {
    // setTimeout after each run rather than setInterval: a slow run is never joined by the next one.
    this.timer = setTimeout(() => {
      this.timer = null;
      this.checkpointNow()
        .catch((e: unknown) => this.options.onError?.(e))
        .finally(() => {
          if (this.started) this.schedule();
        });
    }, this.options.intervalMs ?? 60_000);
    // A checkpoint schedule alone must not keep a stopping process alive.
    this.timer.unref();
  }
}
