import type { PoolClient } from 'pg';
import type { StoredCheckpoint } from '../integrity/signed-checkpoint';
import type { RecordedEvent } from '../recorded-event';
import { CHECKPOINT_COLUMNS, toSignedCheckpoint, type CheckpointRow } from './postgres-checkpoint-row';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from './postgres-event-row';
import type { LogBound } from './postgres-log-hashes';
import { keysetPageArrays, keysetPages } from './postgres-pages';

/*
 * The reads every integrity walk shares (verifyStore, verifyReportAgainstStore, exportBundle), each run inside the
 * caller's REPEATABLE READ snapshot, in keyset pages in the orders of the indexes: (transaction_id, position) for
 * the log, (stream_id, revision) for a stream, (position, id) for checkpoints.
 */

const LOG_BELOW_SQL = `SELECT ${EVENT_COLUMNS} FROM event_store.events
  WHERE (transaction_id, position) > ($1::xid8, $2::bigint) AND transaction_id < $3::xid8
  ORDER BY transaction_id, position LIMIT $4`;
const LOG_UP_TO_SQL = `SELECT ${EVENT_COLUMNS} FROM event_store.events
  WHERE (transaction_id, position) > ($1::xid8, $2::bigint) AND (transaction_id, position) <= ($3::xid8, $4::bigint)
  ORDER BY transaction_id, position LIMIT $5`;
const STREAM_SQL = `SELECT ${EVENT_COLUMNS} FROM event_store.events
  WHERE stream_id = $1 AND revision > $2 AND revision <= $3 ORDER BY revision LIMIT $4`;
const CHECKPOINTS_SQL = `SELECT ${CHECKPOINT_COLUMNS} FROM event_store.integrity_checkpoints
  WHERE (position_commit, position_prepare, id) > ($1::bigint, $2::bigint, $3::bigint)
  ORDER BY position_commit, position_prepare, id LIMIT $4`;

/**
 * Where the stable prefix of the log ends for this snapshot: every transaction below it has finished, so the log
 * below it can no longer change (postgres-read-all.ts). Read once at the start of a walk.
 */
export async function snapshotWatermark(client: PoolClient): Promise<string> {
  return (await client.query<{ xmin: string }>('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin')).rows[0].xmin;
}

/** The global log from its start, in log order, up to the bound, a page at a time. */
export function logEventPages(client: PoolClient, bound: LogBound, batchSize: number): AsyncGenerator<RecordedEvent[]> {
  return keysetPageArrays(batchSize, async (last: RecordedEvent | null) => {
    // xid8 has no negative values: the start of the log is "after (0, -1)", as in readAll.
    const after = last?.position ?? { commit: 0n, prepare: -1n };
    const from = [after.commit.toString(), after.prepare.toString()];
    const { rows } =
      'upTo' in bound
        ? await client.query<EventRow>({
            name: 'event_store.integrity.log-up-to',
            text: LOG_UP_TO_SQL,
            values: [...from, bound.upTo.commit.toString(), bound.upTo.prepare.toString(), batchSize],
          })
        : await client.query<EventRow>({
            name: 'event_store.integrity.log-below',
            text: LOG_BELOW_SQL,
            values: [...from, bound.belowTransaction, batchSize],
          });
    return rows.map(toRecordedEvent);
  });
}

/** One stream from revision 0, in revision order, up to `toRevision` (inclusive; default: its end), a page at a time. */
export function streamEventPages(client: PoolClient, streamId: string, batchSize: number, toRevision = 2 ** 31 - 1): AsyncGenerator<RecordedEvent[]> {
  return keysetPageArrays(batchSize, async (last: RecordedEvent | null) => {
    const { rows } = await client.query<EventRow>({
      name: 'event_store.integrity.stream',
      text: STREAM_SQL,
      values: [streamId, last?.revision ?? -1, toRevision, batchSize],
    });
    return rows.map(toRecordedEvent);
  });
}

/** Every checkpoint in position order, with its stored frontier. */
export function storedCheckpoints(client: PoolClient, batchSize: number): AsyncGenerator<StoredCheckpoint> {
  return keysetPages(batchSize, async (last: StoredCheckpoint | null) => {
    const { rows } = await client.query<CheckpointRow>({
      name: 'event_store.integrity.checkpoints',
      text: CHECKPOINTS_SQL,
      values: [...(last ? [last.position.commit.toString(), last.position.prepare.toString(), last.id] : ['-1', '-1', '-1']), batchSize],
    });
    return rows.map(toSignedCheckpoint);
  });
}
