/**
 * The reads only an auditor needs, on the PostgreSQL store: several streams merged in log order (a timeline), one
 * event by id, and a category's events in log order with filters on their content (the access log). Plain reads
 * through the (stream_id, revision), id and (category, transaction_id, position) indexes.
 */
import type { Pool } from 'pg';
import type { RecordedEvent } from '../recorded-event';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from './postgres-event-row';

/** Every event of these streams, in the order of the global log (which is causal: a cause commits before its effect). */
export async function readStreamsInLogOrder(pool: Pool, streamIds: readonly string[]): Promise<RecordedEvent[]> {
  if (streamIds.length === 0) return [];
  const { rows } = await pool.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM event_store.events WHERE stream_id = ANY($1) ORDER BY transaction_id, position`, [streamIds]);
  return rows.map(toRecordedEvent);
}

/** A UUID as the store prints event ids: 8-4-4-4-12 hex digits (36 hex digits or dashes in any order failed the cast). */
const EVENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The event with this id; undefined when the store has none, or the id is no UUID (so none can have it). */
export async function readEventById(pool: Pool, id: string): Promise<RecordedEvent | undefined> {
  if (!EVENT_ID.test(id)) return undefined;
  const { rows } = await pool.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM event_store.events WHERE id = $1`, [id]);
  return rows[0] ? toRecordedEvent(rows[0]) : undefined;
}

export interface CategoryReadFilter {
  readonly category: string;
  /** Only these streams (each in the category). */
  readonly streamIds?: readonly string[];
  /** Containment on the metadata (`metadata @> value`), e.g. `{ actor: { userId: 'x' } }`. */
  readonly metadataContains?: object;
  readonly recordedFrom?: Date;
  readonly recordedBefore?: Date;
  /** Newest first. */
  readonly limit: number;
}

/** A category's events, newest first, with the filters an auditor lists by. */
export async function readCategory(pool: Pool, f: CategoryReadFilter): Promise<RecordedEvent[]> {
  const { rows } = await pool.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM event_store.events
      WHERE category = $1
        AND ($2::text[] IS NULL OR stream_id = ANY($2))
        AND ($3::jsonb IS NULL OR metadata @> $3::jsonb)
        AND ($4::timestamptz IS NULL OR recorded_at >= $4)
        AND ($5::timestamptz IS NULL OR recorded_at < $5)
      ORDER BY transaction_id DESC, position DESC LIMIT $6`,
    [f.category, f.streamIds ?? null, f.metadataContains ? JSON.stringify(f.metadataContains) : null, f.recordedFrom?.toISOString() ?? null, f.recordedBefore?.toISOString() ?? null, f.limit],
  );
  return rows.map(toRecordedEvent);
}
