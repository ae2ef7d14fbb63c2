import type { EventMetadata, RecordedEvent } from '../recorded-event';

/**
 * An instant as the store writes it into hashes and results: ISO-8601 UTC with exactly three fractional digits,
 * the form `Date.prototype.toISOString` produces, so it round-trips through a JS Date unchanged.
 */
export const isoInstant = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The columns every read selects, in the shape `toRecordedEvent` maps. Converted columns get names of their own:
 * ORDER BY resolves a name to an output column first, and `position::text AS position` would sort as text.
 */
export const EVENT_COLUMNS = `position::text AS log_prepare, transaction_id::text AS log_commit, stream_id, revision,
  id::text AS event_id, type, data, metadata, ${isoInstant('recorded_at')} AS recorded_at_iso, hash`;

export interface EventRow {
  readonly log_prepare: string;
  readonly log_commit: string;
  readonly stream_id: string;
  readonly revision: number;
  readonly event_id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
  readonly recorded_at_iso: string;
  readonly hash: string;
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  const m = row.metadata;
  return {
    id: row.event_id,
    type: row.type,
    data: row.data,
    // Field by field: the stored envelope is exactly what the hash covers, nothing else may surface.
    metadata: {
      schemaVersion: m.schemaVersion,
      occurredAt: m.occurredAt,
      correlationId: m.correlationId,
      causationId: m.causationId,
      actor: m.actor,
    },
    streamId: row.stream_id,
    revision: row.revision,
    position: { commit: BigInt(row.log_commit), prepare: BigInt(row.log_prepare) },
    recordedAt: row.recorded_at_iso,
    hash: row.hash,
  };
}
