import { describeExpected, type ExpectedRevision } from './expected-revision';

/** Thrown when `append` finds the stream in another state than the caller expected. Nothing was written. */
export class WrongExpectedRevisionError extends Error {
  override readonly name = 'WrongExpectedRevisionError';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** Revision of the stream's last event, or -1 when the stream does not exist. */
    readonly actual: number,
  ) {
    super(`stream ${streamId}: expected ${describeExpected(expected)}, actual revision ${actual}`);
  }
}

/**
 * Thrown when the ids of an append were seen before but do not match the earlier append exactly
 * (other stream, other order, or only some of them): the caller reused event ids for different facts.
 */
export class IdempotencyConflictError extends Error {
  override readonly name = 'IdempotencyConflictError';
  constructor(
    readonly streamId: string,
    readonly eventIds: readonly string[],
  ) {
    super(`stream ${streamId}: event ids reused for a different append`);
  }
}

/**
 * Thrown when an append is larger than the store takes: over the store's `maxAppendBytes` as the port counts an
 * append (append-size.ts), or refused as too large by a KurrentDB server (its MaxAppendSize, or MaxAppendEventSize
 * for one event). Nothing was written; the same append will never fit this store as it is configured.
 */
export class AppendTooLargeError extends Error {
  override readonly name = 'AppendTooLargeError';
  constructor(
    readonly streamId: string,
    /** The limit refused against, in bytes: the store's, or the server's as it gave it (null if it gave none). */
    readonly maxAppendBytes: number | null,
    /** The append's size as the port counts it; null when the server refused it. */
    readonly size: number | null,
  ) {
    const sized = size === null ? '' : ` (${size} bytes)`;
    super(`stream ${streamId}: the append${sized} is larger than the store takes${maxAppendBytes === null ? '' : ` (${maxAppendBytes} bytes)`}`);
  }
}

/** The adapter cannot reach its server; callers may retry later. */
export class EventStoreUnavailableError extends Error {
  override readonly name = 'EventStoreUnavailableError';
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
  }
}
