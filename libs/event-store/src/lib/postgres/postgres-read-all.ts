import type { ReadAllOptions } from '../event-store.port';
import type { RecordedEvent } from '../recorded-event';
import { checkReadAll } from '../read-rules';
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
 * miss). An aborted transaction leaves no trace and no gap to wait for. Subscriptions, which follow the log live,
 * pay less: `readLogAfter` below waits only for transactions that insert events.
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

/**
 * The subscriptions' read (schema/005-appender-watermark.sql explains it and why nothing is skipped): the same log
 * in the same order, but held back only by transactions that insert events, not by every transaction in the
 * cluster. Two statements: `appendHorizon` first, then `readLogAfter` with what it returned.
 */
const READ_LOG = {
  name: 'event_store.read_log',
  text: `SELECT ${EVENT_COLUMNS} FROM event_store.read_log($1::xid8, $2::bigint, $3::bigint, $4::text[], $5::text[], $6::int, $7::int, $8::xid8, $9::xid8) AS r
    ORDER BY r.transaction_id, r.position`,
};

/** What a subscription read waits for, taken just before the read. */
export interface AppendHorizon {
  /** xmax of the snapshot: transactions with an xid below it had it when this was taken. */
  readonly horizon: bigint;
  /** The lowest xid among transactions inserting events at the time, if any. */
  readonly oldestAppender: bigint | null;
  /** The snapshot's own xmin (what readAll waits for), for diagnostics. */
  readonly xmin: bigint;
}

export async function appendHorizon(db: SqlQueryable): Promise<AppendHorizon> {
  const { rows } = await db.query<{ horizon: string; oldest_appender: string | null; xmin: string }>({
    name: 'event_store.append_horizon',
    text: 'SELECT horizon::text, oldest_appender::text, xmin::text FROM event_store.append_horizon()',
  });
  const row = rows[0];
  return { horizon: BigInt(row.horizon), oldestAppender: row.oldest_appender === null ? null : BigInt(row.oldest_appender), xmin: BigInt(row.xmin) };
}

/**
 * Everything below this was returned by a read made with `horizon`: the read's own watermark is at least this
 * (it can only be higher, by transactions that ended in between).
 */
export function drainedBelow(horizon: AppendHorizon): bigint {
  return horizon.oldestAppender !== null && horizon.oldestAppender < horizon.horizon ? horizon.oldestAppender : horizon.horizon;
}

export async function readLogAfter(db: SqlQueryable, options: ReadAllOptions, horizon: AppendHorizon): Promise<RecordedEvent[]> {
  const values = readValues(options);
  if (!values) return [];
  const result = await db.query<EventRow>({ ...READ_LOG, values: [...values, horizon.horizon.toString(), horizon.oldestAppender?.toString() ?? null] });
  return result.rows.map(toRecordedEvent);
}

export async function readAllEvents(db: SqlQueryable, options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
  const values = readValues(options);
  if (!values) return [];
  const result = await db.query<EventRow>({ ...READ_ALL, values });
  return result.rows.map(toRecordedEvent);
}

/** The parameters both reads share; null when nothing is to be read (maxCount 0). */
function readValues(options: ReadAllOptions): unknown[] | null {
  const { fromPosition, maxCount, filter } = options;
  checkReadAll(options);
  const partition = filter?.partition ?? null;
  if (maxCount === 0) return null;
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
  return values;
}
