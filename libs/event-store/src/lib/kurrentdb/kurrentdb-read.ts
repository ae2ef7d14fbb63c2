import { BACKWARDS, END, FORWARDS, START } from '@kurrent/kurrentdb-client';
import type { EventFilter } from '../event-store.port';
import { comparePositions, type Position, type RecordedEvent } from '../recorded-event';
import type { KurrentClient } from './kurrentdb-client';
import { matchesFilter, toServerFilter } from './kurrentdb-filter';
import { batchOf, fromKurrentEvent, isStreamNotFound, toKurrentReadPosition, toStoreError, type AppendBatch } from './kurrentdb-mapping';

export interface StreamRead {
  readonly fromRevision?: number;
  readonly direction?: 'forwards' | 'backwards';
  readonly maxCount?: number;
}

/** An event of a stream, with the append it came with (what idempotency checks need beyond the port's view). */
export interface StoredEvent {
  readonly event: RecordedEvent;
  readonly batch: AppendBatch | null;
}

/** One stream as the port's events; a stream Kurrent does not know reads as empty. */
export async function readStreamEvents(client: KurrentClient, streamId: string, read: StreamRead = {}): Promise<RecordedEvent[]> {
  return (await readStoredEvents(client, streamId, read)).map((s) => s.event);
}

export async function readStoredEvents(client: KurrentClient, streamId: string, read: StreamRead = {}): Promise<StoredEvent[]> {
  if (read.maxCount === 0) return [];
  const backwards = read.direction === 'backwards';
  const out: StoredEvent[] = [];
  try {
    const events = client.readStream(streamId, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: read.fromRevision === undefined ? (backwards ? END : START) : BigInt(read.fromRevision),
      ...(read.maxCount === undefined ? {} : { maxCount: read.maxCount }),
    });
    for await (const resolved of events) {
      if (resolved.event) out.push({ event: fromKurrentEvent(resolved.event), batch: batchOf(resolved.event) });
    }
  } catch (error) {
    if (isStreamNotFound(error)) return [];
    throw toStoreError(error, streamId);
  }
  return out;
}

export interface LogRead {
  /** Exclusive. */
  readonly after?: Position;
  readonly maxCount?: number;
  readonly filter?: EventFilter;
}

/**
 * $all forwards from after `after`, domain events only, filtered. Kurrent's read is inclusive of its start
 * position and its server filter is coarser than ours, so both are settled here; reading stops as soon as
 * `maxCount` events matched (leaving the loop cancels the server read).
 */
export async function readLogEvents(client: KurrentClient, read: LogRead = {}): Promise<RecordedEvent[]> {
  const limit = read.maxCount ?? Number.POSITIVE_INFINITY;
  if (limit <= 0) return [];
  const out: RecordedEvent[] = [];
  try {
    const events = client.readAll({ fromPosition: toKurrentReadPosition(read.after), filter: toServerFilter(read.filter) });
    for await (const resolved of events) {
      const e = resolved.event;
      if (!e || !matchesFilter(e, read.filter)) continue;
      if (read.after && comparePositions(e.position, read.after) <= 0) continue;
      out.push(fromKurrentEvent(e));
      if (out.length >= limit) break;
    }
  } catch (error) {
    throw toStoreError(error, '$all');
  }
  return out;
}

/** The newest domain event matching `filter` (where it is), or null when there is none: "the log as it is now". */
export async function lastMatchingEvent(
  client: KurrentClient,
  filter: EventFilter | undefined,
): Promise<Pick<RecordedEvent, 'streamId' | 'revision' | 'position'> | null> {
  try {
    const events = client.readAll({ direction: BACKWARDS, fromPosition: END, filter: toServerFilter(filter) });
    for await (const resolved of events) {
      const e = resolved.event;
      if (e && matchesFilter(e, filter)) {
        return { streamId: e.streamId, revision: Number(e.revision), position: { commit: e.position.commit, prepare: e.position.prepare } };
      }
    }
  } catch (error) {
    throw toStoreError(error, '$all');
  }
  return null;
}
