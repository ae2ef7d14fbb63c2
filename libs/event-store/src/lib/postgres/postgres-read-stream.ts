import type { ReadStreamOptions } from '../event-store.port';
import type { RecordedEvent } from '../recorded-event';
import { checkReadStream } from '../read-rules';
import type { SqlQueryable } from './postgres-append';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from './postgres-event-row';

// Both walk the (stream_id, revision) unique index. asOf filters on recorded_at, which never decreases along a
// stream (postgres-append.ts), so the result is a prefix of the stream as it was at that instant.
const FORWARDS_SQL = `SELECT ${EVENT_COLUMNS} FROM event_store.events
  WHERE stream_id = $1 AND revision >= $2 AND ($3::timestamptz IS NULL OR recorded_at <= $3::timestamptz)
  ORDER BY revision LIMIT $4`;
const BACKWARDS_SQL = `SELECT ${EVENT_COLUMNS} FROM event_store.events
  WHERE stream_id = $1 AND revision <= $2 AND ($3::timestamptz IS NULL OR recorded_at <= $3::timestamptz)
  ORDER BY revision DESC LIMIT $4`;
const LAST_REVISION = 2_147_483_647;

/** One stream in revision order (or reversed). An unknown stream reads as empty. */
export async function readStreamEvents(db: SqlQueryable, streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
  const { fromRevision, direction = 'forwards', maxCount, asOf } = options;
  checkReadStream(streamId, options);
  if (maxCount === 0) return [];
  const forwards = direction === 'forwards';
  // Revisions are PostgreSQL integers: clamp, so an out-of-range start reads as empty instead of failing.
  const from = Math.min(Math.max(fromRevision ?? (forwards ? 0 : LAST_REVISION), -1), LAST_REVISION);
  const result = await db.query<EventRow>({
    name: forwards ? 'event_store.read_stream.forwards' : 'event_store.read_stream.backwards',
    text: forwards ? FORWARDS_SQL : BACKWARDS_SQL,
    values: [streamId, from, asOf?.toISOString() ?? null, maxCount ?? null],
  });
  return result.rows.map(toRecordedEvent);
}
