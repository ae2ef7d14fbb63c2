import type { Pool, PoolClient } from 'pg';
import type { CheckpointPublicKey } from '../integrity/checkpoint-signer';
import type { SignedCheckpoint } from '../integrity/signed-checkpoint';
import type { VerificationReport } from '../integrity/verification-report';
import { verifyEvents } from '../integrity/verify';
import type { RecordedEvent } from '../recorded-event';
import { CHECKPOINT_COLUMNS, toSignedCheckpoint, type CheckpointRow } from './postgres-checkpointer';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from './postgres-event-row';

export interface VerifyStoreOptions {
  /** Trusted checkpoint keys (PEM or loaded). A checkpoint signed by any other key is reported as unknown-key. */
  readonly publicKeys: readonly (CheckpointPublicKey | string)[];
  /** Verify this stream's chain alone; checkpoints (which cover the whole log) are then not compared. */
  readonly streamId?: string;
  /** Rows per query. Default 10,000. */
  readonly batchSize?: number;
  /** Problems listed in the report. Default 1000. */
  readonly maxProblems?: number;
}

// Keyset pages in the orders of the two indexes: (transaction_id, position) and (stream_id, revision). The log stops
// at the watermark read once at the start, the same stable prefix readAll returns (postgres-read-all.ts).
const LOG_SQL = `SELECT ${EVENT_COLUMNS} FROM event_store.events
  WHERE (transaction_id, position) > ($1::xid8, $2::bigint) AND transaction_id < $3::xid8
  ORDER BY transaction_id, position LIMIT $4`;
const STREAM_SQL = `SELECT ${EVENT_COLUMNS} FROM event_store.events
  WHERE stream_id = $1 AND revision > $2 ORDER BY revision LIMIT $3`;
const CHECKPOINTS_SQL = `SELECT ${CHECKPOINT_COLUMNS} FROM event_store.integrity_checkpoints
  WHERE (position_commit, position_prepare, id) > ($1::bigint, $2::bigint, $3::bigint)
  ORDER BY position_commit, position_prepare, id LIMIT $4`;

/**
 * Verifies the store (or one stream) with verifyEvents, streaming rows in batches with one query in flight ahead.
 * Everything is read in one REPEATABLE READ snapshot, so checkpoints made while the walk runs stay out of it: every
 * checkpoint it sees covers only events below the watermark it walks to.
 */
export async function verifyStore(pool: Pool, options: VerifyStoreOptions): Promise<VerificationReport> {
  const batchSize = options.batchSize ?? 10_000;
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const common = { publicKeys: options.publicKeys, maxProblems: options.maxProblems };
    const report =
      options.streamId === undefined
        ? await verifyEvents(logEvents(client, await watermarkOf(client), batchSize), {
            ...common,
            checkpoints: checkpoints(client, batchSize),
          })
        : await verifyEvents(streamEvents(client, options.streamId, batchSize), { ...common, scope: 'streams' });
    await client.query('COMMIT');
    return report;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

async function watermarkOf(client: PoolClient): Promise<string> {
  return (await client.query<{ xmin: string }>('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin')).rows[0].xmin;
}

function logEvents(client: PoolClient, watermark: string, batchSize: number): AsyncGenerator<RecordedEvent> {
  return pages(batchSize, async (last: RecordedEvent | null) => {
    const after = last?.position ?? { commit: 0n, prepare: -1n };
    const { rows } = await client.query<EventRow>({
      name: 'event_store.verify.log',
      text: LOG_SQL,
      values: [after.commit.toString(), after.prepare.toString(), watermark, batchSize],
    });
    return rows.map(toRecordedEvent);
  });
}

function streamEvents(client: PoolClient, streamId: string, batchSize: number): AsyncGenerator<RecordedEvent> {
  return pages(batchSize, async (last: RecordedEvent | null) => {
    const { rows } = await client.query<EventRow>({
      name: 'event_store.verify.stream',
      text: STREAM_SQL,
      values: [streamId, last?.revision ?? -1, batchSize],
    });
    return rows.map(toRecordedEvent);
  });
}

function checkpoints(client: PoolClient, batchSize: number): AsyncGenerator<SignedCheckpoint> {
  return pages(batchSize, async (last: SignedCheckpoint | null) => {
    const { rows } = await client.query<CheckpointRow>({
      name: 'event_store.verify.checkpoints',
      text: CHECKPOINTS_SQL,
      values: [...(last ? [last.position.commit.toString(), last.position.prepare.toString(), last.id] : ['-1', '-1', '-1']), batchSize],
    });
    return rows.map(toSignedCheckpoint);
  });
}

/** Yields every row of a keyset-paged query, asking for the next page before handing out the current one. */
async function* pages<T>(size: number, fetch: (last: T | null) => Promise<T[]>): AsyncGenerator<T> {
  let pending: Promise<T[]> | null = fetch(null);
  while (pending) {
    const rows: T[] = await pending;
    pending = rows.length === size ? fetch(rows[rows.length - 1]) : null;
    // If the consumer stops early, the prefetched page must not become an unhandled rejection.
    pending?.catch(() => undefined);
    yield* rows;
  }
}
