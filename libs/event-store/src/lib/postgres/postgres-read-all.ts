import type { ReadAllOptions } from '../event-store.port';
import type { RecordedEvent } from '../recorded-event';
import type { SqlQueryable } from './postgres-append';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from './postgres-event-row';

/**
 * The global log in (transaction_id, position) order, strictly after a position, and only as far as it can no
 * longer change.
 *
 * Positions come from a sequence when a transaction inserts, not when it commits, so a transaction can commit an
 * event at a lower position after a reader has moved past it: a reader following `position > last` would skip it.
 * Ordering by the appending transaction's id first does not suffice on its own either, because a transaction with
 * a lower id may still be running. So a row is returned only when its transaction id is below the xmin of the
 * reader's snapshot, `pg_snapshot_xmin(pg_current_snapshot())`: every transaction below it has ended (committed, so
 * visible to this very statement, or aborted, so gone), and every transaction still running or yet to start has a
 * higher id, hence sorts after everything returned. What is returned is a prefix of the log for good.
 *
 * The price: any transaction in the cluster that holds an xid holds readers back while it runs (they wait, never
 * miss). An aborted transaction leaves no trace and no gap to wait for.
 *
 * The query itself is `event_store.read_all` (schema/001-events.sql), a function so that its plan always walks an
 * index in log order. Filters: `category` and `stream_hash` are computed at append time (postgres-partition.ts),
 * so a partition is simply `stream_hash % count = index`.
 */
const READ_ALL = {
  name: 'event_store.read_all',
  // The outer ORDER BY only guarantees what the function already returns (it sorts at most one page); columns are
  // qualified because EVENT_COLUMNS renames them.
  text: `SELECT ${EVENT_COLUMNS} FROM event_store.read_all($1::xid8, $2::bigint, $3::bigint, $4::text[], $5::text[], $6::int, $7::int) AS r
    ORDER BY r.transaction_id, r.position`,
};

export async function readAllEvents(db: SqlQueryable, options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
  const { fromPosition, maxCount, filter } = options;
  checkMaxCount(maxCount, 'readAll');
  const partition = filter?.partition ?? null;
  if (partition) {
    const { index, count } = partition;
    if (!Number.isInteger(count) || count < 1 || !Number.isInteger(index) || index < 0 || index >= count) {
      throw new RangeError(`readAll: not a partition: ${index} of ${count}`);
    }
  }
  if (maxCount === 0) return [];
  // xid8 has no negative values; START (-1/-1) and anything below the first transaction read from the beginning.
  const after = fromPosition && fromPosition.commit >= 0n ? fromPosition : { commit: 0n, prepare: -1n };
  const values = [
    after.commit.toString(),
    after.prepare.toString(),
    maxCount ?? null,
    filter?.categories?.length ? filter.categories : null,
    filter?.eventTypes?.length ? filter.eventTypes : null,
    partition?.count ?? null,
    partition?.index ?? null,
  ];
  const result = await db.query<EventRow>({ ...READ_ALL, values });
  return result.rows.map(toRecordedEvent);
}

export function checkMaxCount(maxCount: number | undefined, operation: string): void {
  if (maxCount !== undefined && !(Number.isInteger(maxCount) && maxCount >= 0)) {
    throw new Error(`${operation}: maxCount must be a non-negative integer: ${maxCount}`);
  }
}
