import type { Pool } from 'pg';
import type { EventFilter } from '../event-store.port';
import { START, type Position } from '../recorded-event';
import type { SqlTransaction, TransactionRunner } from '../subscription';

const TABLE = 'event_store.subscription_checkpoints';

/** The partition count a subscription was started with differs from the one its checkpoints were written with. */
export class PartitionCountMismatchError extends Error {
  constructor(
    readonly subscription: string,
    readonly expected: number,
    readonly found: readonly number[],
  ) {
    super(`subscription ${subscription}: started with ${expected} partitions, checkpoints exist for ${found.join(', ')}`);
    this.name = 'PartitionCountMismatchError';
  }
}

interface CheckpointRow {
  readonly partition: number;
  readonly partition_count: number;
  readonly position_commit: string;
  readonly position_prepare: string;
}

function toPosition(row: CheckpointRow): Position {
  return { commit: BigInt(row.position_commit), prepare: BigInt(row.position_prepare) };
}

/**
 * Durable checkpoints of one subscription, one row per (name, partition), kept in the database the handlers write
 * to, through the handler's own transaction.
 *
 * Why there is no `processed_events(subscription, event_id)` insert-or-ignore: the checkpoint is saved in the same
 * transaction as the handler's writes, with compare-and-set on the position the batch started from. A batch
 * therefore commits either all its effects and the checkpoint past them, or nothing; a redelivery after a crash
 * starts at the committed checkpoint, so it only repeats work that never committed; and two replicas racing on
 * one partition cannot both commit the same batch, because the loser's UPDATE finds the position moved. A
 * per-event dedup table would only add a write per event for the same guarantee. It is still needed for effects
 * outside the transaction (calls to other systems), which are at-least-once.
 */
export class PostgresCheckpoints {
  constructor(
    private readonly name: string,
    private readonly partitions: number,
  ) {}

  /** Refuses to run a subscription whose checkpoints were partitioned differently: its positions would not apply. */
  async assertPartitionCount(runner: TransactionRunner): Promise<void> {
    const rows = await runner.inTransaction((tx) =>
      tx.query<{ partition_count: number }>(`SELECT DISTINCT partition_count FROM ${TABLE} WHERE subscription = $1`, [this.name]),
    );
    const found = rows.map((r) => Number(r.partition_count));
    if (found.some((count) => count !== this.partitions)) throw new PartitionCountMismatchError(this.name, this.partitions, found);
  }

  /** The committed checkpoint of a partition, creating it at the start of the log the first time. */
  async load(runner: TransactionRunner, partition: number): Promise<Position> {
    return runner.inTransaction(async (tx) => {
      await tx.query(
        `INSERT INTO ${TABLE} (subscription, partition, partition_count, position_commit, position_prepare)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (subscription, partition) DO NOTHING`,
        [this.name, partition, this.partitions, START.commit.toString(), START.prepare.toString()],
      );
      const [row] = await this.select(tx, partition);
      return toPosition(row);
    });
  }

  /**
   * Moves the checkpoint from `expected` to `next` in the caller's transaction. False when it is no longer at
   * `expected`: another replica has taken the partition and committed past it, so this batch must roll back.
   */
  async save(tx: SqlTransaction, partition: number, expected: Position, next: Position): Promise<boolean> {
    const rows = await tx.query(
      `UPDATE ${TABLE} SET position_commit = $5, position_prepare = $6, updated_at = now()
       WHERE subscription = $1 AND partition = $2 AND position_commit = $3 AND position_prepare = $4
       RETURNING 1`,
      [this.name, partition, expected.commit.toString(), expected.prepare.toString(), next.commit.toString(), next.prepare.toString()],
    );
    return rows.length === 1;
  }

  private select(tx: SqlTransaction, partition?: number): Promise<CheckpointRow[]> {
    return tx.query<CheckpointRow>(
      `SELECT partition, partition_count, position_commit, position_prepare FROM ${TABLE}
       WHERE subscription = $1 AND ($2::int IS NULL OR partition = $2) ORDER BY partition`,
      [this.name, partition ?? null],
    );
  }
}

/** A subscription's committed checkpoint of one partition, as tools outside the subscription see it. */
export interface CommittedCheckpoint {
  readonly partition: number;
  readonly partitionCount: number;
  readonly position: Position;
}

/**
 * The committed checkpoints of a subscription, read-only (replay waits on them to know the live read model has
 * caught up): unlike `PostgresCheckpoints.load`, it never creates a row, so a tool reading a subscription that has
 * not run cannot fix its partition count. Empty when the subscription never ran.
 */
export async function readCommittedCheckpoints(db: Pick<Pool, 'query'>, subscription: string): Promise<CommittedCheckpoint[]> {
  const { rows } = await db.query<CheckpointRow>(
    `SELECT partition, partition_count, position_commit, position_prepare FROM ${TABLE} WHERE subscription = $1 ORDER BY partition`,
    [subscription],
  );
  return rows.map((r) => ({ partition: Number(r.partition), partitionCount: Number(r.partition_count), position: toPosition(r) }));
}

/** How far a checkpoint is behind the log: events after it (committed, readable or not yet) and the oldest one's age. */
export interface CheckpointLag {
  readonly events: number;
  readonly seconds: number;
}

/**
 * The lag of one partition's checkpoint, for metrics. Counts rows after the checkpoint through the
 * (transaction_id, position) index: cheap while a subscriber keeps up, proportional to the backlog when not.
 */
export async function lagBehind(pool: Pool, checkpoint: Position, filter: EventFilter): Promise<CheckpointLag> {
  // xid8 has no negative values: START reads as "before the first transaction", as readAll does.
  const after = checkpoint.commit >= 0n ? checkpoint : { commit: 0n, prepare: START.prepare };
  const { rows } = await pool.query<{ events: number; seconds: number | null }>(
    `SELECT count(*)::int AS events, extract(epoch FROM now() - min(recorded_at))::float8 AS seconds
     FROM event_store.events
     WHERE (transaction_id, position) > ($1::xid8, $2::bigint)
       AND ($3::text[] IS NULL OR category = ANY($3::text[]))
       AND ($4::text[] IS NULL OR type = ANY($4::text[]))
       AND ($5::int IS NULL OR stream_hash % $5::int = $6::int)`,
    [
      after.commit.toString(),
      after.prepare.toString(),
      filter.categories?.length ? filter.categories : null,
      filter.eventTypes?.length ? filter.eventTypes : null,
      filter.partition?.count ?? null,
      filter.partition?.index ?? null,
    ],
  );
  return { events: rows[0].events, seconds: Math.max(0, rows[0].seconds ?? 0) };
}
