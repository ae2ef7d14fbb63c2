import type { Pool, PoolClient } from 'pg';
import type { CheckpointPublicKey, CheckpointSigner } from '../integrity/checkpoint-signer';
import { loadCheckpointPublicKey } from '../integrity/checkpoint-signer';
import { LogDigest } from '../integrity/log-digest';
import { checkCheckpointSignature, checkpointKeyRing, signCheckpoint, type SignedCheckpoint } from '../integrity/signed-checkpoint';
import type { Position } from '../recorded-event';
import { isoInstant } from './postgres-event-row';

// 'ICS2CP' in ASCII: serialises checkpointers across replicas; any fixed key distinct from other lock users works.
const CHECKPOINTER_LOCK_KEY = '0x494353324350';

/**
 * Columns of event_store.integrity_checkpoints in the shape `toSignedCheckpoint` maps. Converted columns get names
 * of their own: ORDER BY resolves a name to an output column first, and `id::text AS id` would sort as text.
 */
export const CHECKPOINT_COLUMNS = `id::text AS checkpoint_id, position_commit::text AS log_commit,
  position_prepare::text AS log_prepare, event_count::text AS covered_events, digest, signature, key_id,
  ${isoInstant('created_at')} AS created_at_iso`;

export interface CheckpointRow {
  readonly checkpoint_id: string;
  readonly log_commit: string;
  readonly log_prepare: string;
  readonly covered_events: string;
  readonly digest: string;
  readonly signature: string;
  readonly key_id: string;
  readonly created_at_iso: string;
}

export function toSignedCheckpoint(row: CheckpointRow): SignedCheckpoint {
  return {
    id: row.checkpoint_id,
    position: { commit: BigInt(row.log_commit), prepare: BigInt(row.log_prepare) },
    eventCount: Number(row.covered_events),
    digest: row.digest,
    signature: row.signature,
    keyId: row.key_id,
    createdAt: row.created_at_iso,
  };
}

const LAST_SQL = `SELECT ${CHECKPOINT_COLUMNS} FROM event_store.integrity_checkpoints
  ORDER BY position_commit DESC, position_prepare DESC, id DESC LIMIT 1`;

// The same stable prefix as readAll (postgres-read-all.ts), with the watermark taken once so one call does bounded
// work while appends go on; only the hashes are read, the digest needs nothing else.
const HASHES_SQL = `SELECT transaction_id::text AS log_commit, position::text AS log_prepare, hash FROM event_store.events
  WHERE (transaction_id, position) > ($1::xid8, $2::bigint) AND transaction_id < $3::xid8
  ORDER BY transaction_id, position LIMIT $4`;

const INSERT_SQL = `INSERT INTO event_store.integrity_checkpoints
  (position_commit, position_prepare, event_count, digest, signature, key_id, created_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id::text AS checkpoint_id`;

export interface CreateCheckpointOptions {
  /** Clock for `createdAt`. Default: the system clock. */
  readonly now?: () => Date;
  /** Keys besides the signer's own that may have signed the checkpoint being extended (earlier, rotated keys). */
  readonly trustedKeys?: readonly (CheckpointPublicKey | string)[];
  /** Event rows read per query. Default 10,000. */
  readonly batchSize?: number;
}

export interface CheckpointOutcome {
  /** The newest checkpoint after the call; null while the stable log is empty. */
  readonly checkpoint: SignedCheckpoint | null;
  /** False when nothing had been appended since the last checkpoint, and nothing was written. */
  readonly created: boolean;
}

/**
 * Signs a checkpoint over the stable global log: continues the running digest from the last checkpoint over the
 * events after it, in (transaction_id, position) order, and inserts {position, eventCount, digest, signature, keyId}.
 * Writes nothing when no event was added. Concurrent callers (replicas) take turns on an advisory lock. Refuses to
 * extend a last checkpoint whose signature does not verify, since everything after it would inherit its claim.
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
    let position: Position | null = null;
    // xid8 has no negative values: the start of the log is "after (0, -1)", as in readAll.
    let after = last?.position ?? { commit: 0n, prepare: -1n };
    for (;;) {
      const { rows } = await client.query<{ log_commit: string; log_prepare: string; hash: string }>({
        name: 'event_store.checkpointer.hashes',
        text: HASHES_SQL,
        values: [after.commit.toString(), after.prepare.toString(), watermark, batchSize],
      });
      for (const row of rows) digest.add(row.hash);
      if (rows.length > 0) {
        const end = rows[rows.length - 1];
        position = after = { commit: BigInt(end.log_commit), prepare: BigInt(end.log_prepare) };
      }
      if (rows.length < batchSize) break;
    }
    if (!position) {
      await client.query('COMMIT');
      return { checkpoint: last, created: false };
    }
    const createdAt = (options.now ?? (() => new Date()))().toISOString();
    const signed = signCheckpoint({ position, eventCount: digest.eventCount, digest: digest.digest, createdAt }, signer);
    const inserted = await client.query<{ checkpoint_id: string }>(INSERT_SQL, [
      signed.position.commit.toString(),
      signed.position.prepare.toString(),
      signed.eventCount,
      signed.digest,
      signed.signature,
      signed.keyId,
      signed.createdAt,
    ]);
    await client.query('COMMIT');
    return { checkpoint: { ...signed, id: inserted.rows[0].checkpoint_id }, created: true };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

async function lastCheckpoint(client: PoolClient): Promise<SignedCheckpoint | null> {
  const { rows } = await client.query<CheckpointRow>({ name: 'event_store.checkpointer.last', text: LAST_SQL });
  return rows[0] ? toSignedCheckpoint(rows[0]) : null;
}

export interface PostgresCheckpointerOptions extends CreateCheckpointOptions {
  /** Time between the end of one run and the start of the next. Default 60 s. */
  readonly intervalMs?: number;
  readonly onCheckpoint?: (checkpoint: SignedCheckpoint) => void;
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
    const run = this.running.catch(() => undefined).then(() => createCheckpoint(this.pool, this.signer, this.options));
    this.running = run;
    return run.then((outcome) => {
      if (outcome.created && outcome.checkpoint) this.options.onCheckpoint?.(outcome.checkpoint);
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
