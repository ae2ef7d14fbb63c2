import { checkAppend } from '../append-rules';
import type { AppendResult } from '../event-store.port';
import type { ExpectedRevision } from '../expected-revision';
import { eventHash, GENESIS_HASH } from '../integrity/hash-chain';
import { START, type EventMetadata, type EventToAppend, type RecordedEvent } from '../recorded-event';
import { IdempotencyConflictError, WrongExpectedRevisionError } from '../store.errors';
import type { KurrentClient } from './kurrentdb-client';
import { isWrongExpectedVersion, pinnedStreamState, toKurrentEvent, toStoreError } from './kurrentdb-mapping';
import { readStoredEvents, readStreamEvents, type StoredEvent } from './kurrentdb-read';

/**
 * Append, as the port defines it, on KurrentDB.
 *
 * The hash chain needs each event's revision and its predecessor's hash BEFORE the write, so the adapter reads the
 * stream's tail first and then pins the write to the revision it read (never Kurrent's ANY/STREAM_EXISTS): if
 * anything was appended in between, Kurrent refuses, and the adapter reads again and re-decides. The caller's own
 * expectation is checked against what was read.
 *
 * recordedAt is set here, on the client, and stored in the event's metadata: Kurrent's `created` only exists after
 * the write, too late to be hashed. It never goes backwards within a stream (clamped to the previous event's), so
 * `asOf` reads stay a prefix of the stream even across application hosts with skewed clocks.
 *
 * Idempotency: Kurrent deduplicates by event id only relative to the expected revision, and keeps no index by id.
 * So the adapter looks for the ids itself: in the tail it reads anyway, and in the whole stream whenever the
 * expectation is loose ('any'/'stream-exists'), fails, or the tail holds one of the ids. Every event records the
 * append it came with (`batch`), so a whole earlier append (a replay) is told from part of one (a conflict). Not
 * seen: ids reused in another stream, and a retry that names the current revision of a stream that moved on past
 * the original append (it then writes the events again).
 */

/** Reads and retries after losing a race to another writer; only 'any'/'stream-exists' can lose more than once. */
const MAX_ATTEMPTS = 10;

export type Clock = () => Date;

type Verdict = 'write' | 'after-expected' | 'wrong';

/** The caller's expectation against the stream's current revision (-1: no stream). */
export function judgeExpectation(expected: ExpectedRevision, current: number): Verdict {
  switch (expected) {
    case 'any':
      return 'write';
    case 'stream-exists':
      return current >= 0 ? 'write' : 'wrong';
    default: {
      const n = expected === 'no-stream' ? -1 : expected;
      if (current === n) return 'write';
      // A stream further along may already hold this very append: a retry.
      return current > n ? 'after-expected' : 'wrong';
    }
  }
}

/**
 * KurrentDB's default MaxAppendSize, in bytes: the adapter's default limit, so that what the server would refuse is
 * refused before anything is sent, with the port's AppendTooLargeError (append-size.ts). A server refusing anyway
 * (configured lower, or MaxAppendEventSize for one event) gives the same error (kurrentdb-mapping.ts).
 */
export const KURRENTDB_DEFAULT_MAX_APPEND_SIZE = 1_048_576;

export async function appendToKurrent(
  client: KurrentClient,
  clock: Clock,
  streamId: string,
  events: readonly EventToAppend[],
  expected: ExpectedRevision,
  maxAppendBytes: number | null,
): Promise<AppendResult> {
  const prepared = prepareAppend(streamId, events, expected, maxAppendBytes);
  const ids = new Set(prepared.map((e) => e.id));
  for (let attempt = 1; ; attempt++) {
    const tail = (await readStoredEvents(client, streamId, { direction: 'backwards', maxCount: Math.max(1, prepared.length) })).reverse();
    const head = tail.at(-1)?.event;
    const current = head?.revision ?? -1;
    const verdict = judgeExpectation(expected, current);
    const loose = expected === 'any' || expected === 'stream-exists';
    if (prepared.length > 0 && (verdict !== 'write' || loose || tail.some((s) => ids.has(s.event.id)))) {
      const replay = asReplay(streamId, prepared, await readStoredEvents(client, streamId));
      if (replay) return replay;
    }
    if (verdict !== 'write') throw new WrongExpectedRevisionError(streamId, expected, current);
    if (prepared.length === 0) {
      // Nothing to write: the expectation held, so report the stream as it is (as the PostgreSQL adapter does).
      return { streamId, firstRevision: current + 1, lastRevision: current, position: head?.position ?? START, replayed: false };
    }
    const chained = chain(streamId, prepared, head, clock);
    try {
      await client.appendToStream(streamId, chained.kurrentEvents, { streamState: pinnedStreamState(current) });
    } catch (error) {
      if (isWrongExpectedVersion(error) && attempt < MAX_ATTEMPTS) continue;
      throw toStoreError(error, streamId, expected);
    }
    return confirm(client, streamId, current, prepared.length, chained.lastHash);
  }
}

/**
 * The shared append rules (append-rules.ts), refused before anything reaches the server. Data and envelope are
 * taken back from their JSON text, so the hash covers exactly what a read returns.
 */
function prepareAppend(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision, maxAppendBytes: number | null): EventToAppend[] {
  return checkAppend(streamId, events, expected, maxAppendBytes).map((e) => ({
    id: e.id,
    type: e.type,
    data: JSON.parse(e.dataJson) as unknown,
    metadata: JSON.parse(e.metadataJson) as EventMetadata,
  }));
}

interface Chained {
  readonly kurrentEvents: ReturnType<typeof toKurrentEvent>[];
  readonly lastHash: string;
}

function chain(streamId: string, events: readonly EventToAppend[], head: RecordedEvent | undefined, clock: Clock): Chained {
  const now = clock();
  const previous = head ? new Date(head.recordedAt) : now;
  const recordedAt = (now < previous ? previous : now).toISOString();
  // An event of ours always carries a hash; GENESIS only if someone wrote the stream without this adapter.
  let previousHash = head?.hash ?? GENESIS_HASH;
  const firstRevision = (head?.revision ?? -1) + 1;
  const kurrentEvents = events.map((e, i) => {
    const hash = eventHash({ streamId, revision: firstRevision + i, ...e, recordedAt }, previousHash);
    previousHash = hash;
    return toKurrentEvent(e, recordedAt, hash, { index: i, size: events.length });
  });
  return { kurrentEvents, lastHash: previousHash };
}

/**
 * Kurrent acknowledges an idempotent duplicate exactly like a write, so the adapter reads back the last event: if
 * its hash is not the one just computed, a concurrent identical append got there first and nothing was written now.
 * (Two identical appends computed in the same millisecond produce identical events: both then report a write.)
 */
async function confirm(client: KurrentClient, streamId: string, current: number, count: number, lastHash: string): Promise<AppendResult> {
  const lastRevision = current + count;
  const [last] = await readStreamEvents(client, streamId, { fromRevision: lastRevision, maxCount: 1 });
  return {
    streamId,
    firstRevision: current + 1,
    lastRevision,
    position: last?.position ?? START,
    replayed: last?.hash !== lastHash,
  };
}

/**
 * The result of the earlier append when `stored` (a whole stream) holds these ids as exactly one earlier append,
 * whole and in this order; IdempotencyConflictError when it holds any of them otherwise; null when it holds none.
 */
export function asReplay(streamId: string, events: readonly EventToAppend[], stored: readonly StoredEvent[]): AppendResult | null {
  const ids = events.map((e) => e.id);
  const wanted = new Set(ids);
  const seen = stored.filter((s) => wanted.has(s.event.id)).sort((a, b) => a.event.revision - b.event.revision);
  if (seen.length === 0) return null;
  const first = seen[0];
  const whole =
    seen.length === ids.length &&
    seen.every((s, i) => s.event.id === ids[i] && s.event.revision === first.event.revision + i) &&
    // Without the marker (an event not written by this adapter) the ids alone decide.
    (first.batch === null || (first.batch.index === 0 && first.batch.size === ids.length));
  if (!whole) throw new IdempotencyConflictError(streamId, ids);
  const last = seen[seen.length - 1].event;
  return { streamId, firstRevision: first.event.revision, lastRevision: last.revision, position: last.position, replayed: true };
}
