import type { CheckedEvent } from './append-rules';
import { AppendTooLargeError } from './store.errors';

/**
 * How large an append is, and the store's limit on it: the same count and the same refusal in every adapter.
 *
 * A KurrentDB server refuses an append whose events together exceed its `MaxAppendSize` (default 1,048,576 bytes,
 * "may not exceed 16MB"), counting each event as its data and metadata bytes plus twice its type's length
 * (kurrent-io/KurrentDB: ClusterVNodeOptions.Application.MaxAppendSize, Event.SizeOnDisk, and the check in
 * src/KurrentDB.Core/Services/Transport/Grpc/Streams.Append.cs), and one event over `MaxAppendEventSize` (default
 * int.MaxValue: none; docs/server/release-schedule/release-notes.md, 24.10.4). The node client reports the first as MaxAppendSizeExceededError (ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED,
 * with the server's `maxAppendSize`); it has no class for the second (kurrentdb-mapping.ts reads its message).
 *
 * The port counts each event the same way, over what the caller gave: its data and its envelope as JSON (UTF-8
 * bytes), twice its type's length, and STORE_BYTES_PER_EVENT for what a store adds (KurrentDB's adapter: recordedAt,
 * the hash, the event's place in its append). So an append the port takes under a limit fits a server whose
 * MaxAppendSize is that limit, and PostgreSQL refuses exactly what KurrentDB's adapter refuses under the same one.
 */

/**
 * What a store adds to an event's metadata, at most: KurrentDB's adapter adds `"recordedAt":"<24>"`, `"hash":"<64>"`
 * and `"batch":{"index":n,"size":n}` (about 160 bytes with a '$' before two names), PostgreSQL keeps them in columns.
 */
export const STORE_BYTES_PER_EVENT = 256;

/** The size of an append as the port counts it (above), in bytes. */
export function appendSizeOf(events: readonly CheckedEvent[]): number {
  let size = 0;
  for (const e of events) {
    size += Buffer.byteLength(e.dataJson, 'utf8') + Buffer.byteLength(e.metadataJson, 'utf8') + 2 * e.type.length + STORE_BYTES_PER_EVENT;
  }
  return size;
}

/** Refuses (AppendTooLargeError, nothing written) an append over `maxAppendBytes`; null: the store sets no limit. */
export function checkAppendSize(streamId: string, events: readonly CheckedEvent[], maxAppendBytes: number | null): void {
  if (maxAppendBytes === null) return;
  const size = appendSizeOf(events);
  if (size > maxAppendBytes) throw new AppendTooLargeError(streamId, maxAppendBytes, size);
}

/** A store's option, checked when the store is made: a positive whole number of bytes, or null for none. */
export function checkMaxAppendBytes(value: number | null): number | null {
  if (value !== null && !(Number.isSafeInteger(value) && value > 0)) throw new Error(`maxAppendBytes must be a positive whole number of bytes or null, not ${String(value)}`);
  return value;
}
