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

/** The adapter cannot reach its server; callers may retry later. */
export class EventStoreUnavailableError extends Error {
  override readonly name = 'EventStoreUnavailableError';
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
  }
}
