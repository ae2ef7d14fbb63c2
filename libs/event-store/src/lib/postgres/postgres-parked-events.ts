import type { Pool } from 'pg';
import type { Position } from '../recorded-event';
import type { FailingEvent, SqlTransaction } from '../subscription';

const TABLE = 'event_store.parked_events';
// The handler's message is kept for the operator; a stack or a dumped payload does not need to be kept whole.
const MESSAGE_LIMIT = 2_000;

/** An event a subscription partition skipped after its handler kept failing on it. */
export interface ParkedEventRecord {
  readonly subscription: string;
  readonly partition: number;
  readonly event: FailingEvent;
  readonly errorMessage: string;
  /** Failed attempts, the batch's and the one on the event alone. */
  readonly attempts: number;
  readonly parkedAt: Date;
}

interface ParkedEventRow {
  readonly subscription: string;
  readonly partition: number;
  readonly position_commit: string;
  readonly position_prepare: string;
  readonly event_id: string;
  readonly stream_id: string;
  readonly event_type: string;
  readonly error_message: string;
  readonly attempts: number;
  readonly parked_at: Date;
}

export function errorMessageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > MESSAGE_LIMIT ? `${message.slice(0, MESSAGE_LIMIT)}…` : message;
}

/** Records a parked event in the caller's transaction, the one that also moves the checkpoint past it. */
export async function insertParkedEvent(
  tx: SqlTransaction,
  parked: { readonly subscription: string; readonly partition: number; readonly event: FailingEvent; readonly errorMessage: string; readonly attempts: number },
): Promise<void> {
  const { event } = parked;
  await tx.query(
    `INSERT INTO ${TABLE} (subscription, partition, position_commit, position_prepare, event_id, stream_id, event_type, error_message, attempts)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      parked.subscription,
      parked.partition,
      event.position.commit.toString(),
      event.position.prepare.toString(),
      event.id,
      event.streamId,
      event.type,
      parked.errorMessage,
      parked.attempts,
    ],
  );
}

/** The events a subscription parked, in log order. */
export async function readParkedEvents(db: Pick<Pool, 'query'>, subscription: string): Promise<ParkedEventRecord[]> {
  const { rows } = await db.query<ParkedEventRow>(
    `SELECT subscription, partition, position_commit, position_prepare, event_id, stream_id, event_type, error_message, attempts, parked_at
     FROM ${TABLE} WHERE subscription = $1 ORDER BY position_commit, position_prepare`,
    [subscription],
  );
  return rows.map((r) => ({
    subscription: r.subscription,
    partition: Number(r.partition),
    event: { id: r.event_id, type: r.event_type, streamId: r.stream_id, position: positionOf(r) },
    errorMessage: r.error_message,
    attempts: Number(r.attempts),
    parkedAt: r.parked_at,
  }));
}

function positionOf(row: ParkedEventRow): Position {
  return { commit: BigInt(row.position_commit), prepare: BigInt(row.position_prepare) };
}
