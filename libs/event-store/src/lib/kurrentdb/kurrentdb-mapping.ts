import {
  ErrorType,
  NO_STREAM as KURRENT_NO_STREAM,
  START as KURRENT_START,
  type AppendStreamState,
  type JSONEventData,
  type Position as KurrentPosition,
  type ReadPosition,
  type RecordedEvent as KurrentRecordedEvent,
  jsonEvent,
} from '@kurrent/kurrentdb-client';
import type { Actor } from '@ics2/domain';
import type { ExpectedRevision } from '../expected-revision';
import type { EventToAppend, Position, RecordedEvent } from '../recorded-event';
import { AppendTooLargeError, EventStoreUnavailableError, WrongExpectedRevisionError } from '../store.errors';

/** Pure translations between the port's shapes and @kurrent/kurrentdb-client's. No I/O here. */

/**
 * The expected revision sent with every write. Not the caller's expectation mapped one to one ('any' -> ANY, ...):
 * the adapter checks that one itself and pins the write to the revision it read and hashed against, so the hash
 * chain cannot be broken by a concurrent append (kurrentdb-append.ts). -1: "the stream must not exist".
 */
export function pinnedStreamState(currentRevision: number): AppendStreamState {
  return currentRevision < 0 ? KURRENT_NO_STREAM : BigInt(currentRevision);
}

/** Kurrent reports a missing stream as 'no_stream'; the port says -1. */
export function fromKurrentRevision(state: bigint | string): number {
  return typeof state === 'bigint' ? Number(state) : -1;
}

export function fromKurrentPosition(p: KurrentPosition): Position {
  return { commit: p.commit, prepare: p.prepare };
}

/** The port's START (-1/-1) is Kurrent's symbolic START; any other position passes through unchanged. */
export function toKurrentReadPosition(p: Position | undefined): ReadPosition {
  if (!p || (p.commit < 0n && p.prepare < 0n)) return KURRENT_START;
  return { commit: p.commit, prepare: p.prepare };
}

/** Where an event sat in the append that wrote it. */
export interface AppendBatch {
  readonly index: number;
  readonly size: number;
}

/**
 * What the adapter stores in each Kurrent event's metadata. `$correlationId`/`$causationId` use Kurrent's own
 * names so its system projections ($by_correlation_id) work. `recordedAt` and `hash` are the adapter's: Kurrent's
 * `created` is only known after the write, but the hash has to be computed before it (see kurrentdb-append.ts).
 * `batch` marks the append an event came with: Kurrent's positions do not show which events were written together,
 * and telling a whole earlier append from part of one is what separates a replay from an id conflict.
 */
export interface KurrentEventMetadata {
  readonly [key: string]: unknown;
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly $correlationId: string;
  readonly $causationId?: string;
  readonly actor: Actor;
  readonly recordedAt: string;
  readonly hash: string;
  readonly batch: AppendBatch;
}

export function toKurrentMetadata(event: EventToAppend, recordedAt: string, hash: string, batch: AppendBatch): KurrentEventMetadata {
  const m = event.metadata;
  return {
    schemaVersion: m.schemaVersion,
    occurredAt: m.occurredAt,
    $correlationId: m.correlationId,
    ...(m.causationId === null ? {} : { $causationId: m.causationId }),
    actor: m.actor,
    recordedAt,
    hash,
    batch: { index: batch.index, size: batch.size },
  };
}

export function toKurrentEvent(event: EventToAppend, recordedAt: string, hash: string, batch: AppendBatch): JSONEventData {
  return jsonEvent({
    // Kurrent ids are UUIDs, like the port's; append lower-cases them first, as Kurrent reads them back.
    id: event.id,
    type: event.type,
    // Kurrent serialises with JSON.stringify; the port's data is JSON by contract.
    data: event.data as Record<string, unknown>,
    metadata: toKurrentMetadata(event, recordedAt, hash, batch),
  });
}

/** Thrown when an event in Kurrent was not written by this adapter (no envelope): such data is not ours to read. */
export class ForeignEventError extends Error {
  override readonly name = 'ForeignEventError';
  constructor(
    readonly streamId: string,
    readonly revision: number,
  ) {
    super(`stream ${streamId} revision ${revision}: event has no ICS2 envelope`);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
}

export function fromKurrentEvent(e: KurrentRecordedEvent, fallbackPosition?: KurrentPosition): RecordedEvent {
  const revision = Number(e.revision);
  const m = e.metadata;
  if (!isObject(m) || typeof m['recordedAt'] !== 'string' || typeof m['$correlationId'] !== 'string') {
    throw new ForeignEventError(e.streamId, revision);
  }
  const position = e.position ?? fallbackPosition;
  return {
    streamId: e.streamId,
    revision,
    id: e.id,
    type: e.type,
    data: e.data,
    metadata: {
      schemaVersion: Number(m['schemaVersion']),
      occurredAt: String(m['occurredAt']),
      correlationId: m['$correlationId'],
      causationId: typeof m['$causationId'] === 'string' ? m['$causationId'] : null,
      actor: m['actor'] as Actor,
    },
    // Servers before 22.6 omit positions on stream reads; -1/-1 then says "unknown" rather than inventing one.
    position: position ? fromKurrentPosition(position) : { commit: -1n, prepare: -1n },
    recordedAt: m['recordedAt'],
    hash: typeof m['hash'] === 'string' ? m['hash'] : null,
  };
}

/** The append an event came with; null for an event without the marker. */
export function batchOf(e: KurrentRecordedEvent): AppendBatch | null {
  const b = isObject(e.metadata) ? e.metadata['batch'] : undefined;
  return isObject(b) && typeof b['index'] === 'number' && typeof b['size'] === 'number' ? { index: b['index'], size: b['size'] } : null;
}

/** Kurrent's own bookkeeping ($-prefixed streams and types: metadata, links, stats) is never a domain event. */
export function isSystemEvent(e: { streamId: string; type: string }): boolean {
  return e.streamId.startsWith('$') || e.type.startsWith('$');
}

function errorType(error: unknown): unknown {
  return isObject(error) || error instanceof Error ? (error as { type?: unknown }).type : undefined;
}

function grpcCode(error: unknown): unknown {
  return error instanceof Error ? (error as { code?: unknown }).code : undefined;
}

// gRPC status codes (from @grpc/grpc-js, which this lib does not import directly): the capability probe the client
// runs before an append rejects with a raw ServiceError, not a CommandError.
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_UNAVAILABLE = 14;

export function isStreamNotFound(error: unknown): boolean {
  return errorType(error) === ErrorType.STREAM_NOT_FOUND;
}

export function isWrongExpectedVersion(error: unknown): error is { actualState: bigint | string } {
  return errorType(error) === ErrorType.WRONG_EXPECTED_VERSION;
}

/**
 * What a server or cluster answers while it cannot take the call now, the same call succeeding later: unreachable, a
 * deadline passed, a node that is no longer the leader (the client reconnects to the new one), a commit timed out on
 * the server, a call the server cancelled (shutting down).
 */
const TRANSIENT: readonly unknown[] = [ErrorType.UNAVAILABLE, ErrorType.DEADLINE_EXCEEDED, ErrorType.NOT_LEADER, ErrorType.TIMEOUT, ErrorType.CANCELLED];

function isUnavailable(error: unknown): boolean {
  const type = errorType(error);
  if (TRANSIENT.includes(type)) return true;
  const code = grpcCode(error);
  return type === undefined && (code === GRPC_UNAVAILABLE || code === GRPC_DEADLINE_EXCEEDED);
}

// The server's refusal of one event over MaxAppendEventSize has no class in the client (1.3): it arrives as an
// UnknownError saying "Could not recognize MaximumAppendEventSizeExceeded" (batch append) or carrying the server's
// "... exceeds Maximum Append Event Size of N." (single append), N the limit.
const EVENT_TOO_LARGE = /MaximumAppendEventSizeExceeded|exceeds Maximum Append Event Size of (\d+)/;

/** When `error` is the server's refusal of an append as too large (whole, or one event): the limit it gave, if any. */
function tooLarge(error: unknown): { readonly limit: number | null } | null {
  if (errorType(error) === ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED) return { limit: limitOf((error as { maxAppendSize?: unknown }).maxAppendSize) };
  if (errorType(error) !== ErrorType.UNKNOWN || !(error instanceof Error)) return null;
  const match = EVENT_TOO_LARGE.exec(error.message);
  return match ? { limit: limitOf(match[1]) } : null;
}

function limitOf(value: unknown): number | null {
  const n = Number(value);
  return value !== undefined && Number.isSafeInteger(n) && n > 0 ? n : null;
}

/**
 * The port's errors for the client's: a wrong expected version keeps the actual revision; an append the server
 * refuses as too large becomes AppendTooLargeError; an unreachable, timed-out or leaderless server (TRANSIENT) becomes
 * EventStoreUnavailableError (the caller may retry: appends are idempotent by id). Anything else is returned unchanged.
 */
export function toStoreError(error: unknown, streamId: string, expected: ExpectedRevision = 'any'): unknown {
  if (isWrongExpectedVersion(error)) {
    return new WrongExpectedRevisionError(streamId, expected, fromKurrentRevision(error.actualState));
  }
  const refused = tooLarge(error);
  if (refused) return new AppendTooLargeError(streamId, refused.limit, null);
  if (isUnavailable(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return new EventStoreUnavailableError(`KurrentDB unavailable: ${message}`, error);
  }
  return error;
}
