import type { ReadAllOptions, ReadStreamOptions } from './event-store.port';
import { checkStreamId } from './stream-id-rules';

/**
 * The rules a read's options must meet, checked before anything reaches a store: every adapter applies these, as
 * append-rules.ts for appends, so a read never depends on the store behind the port. A refusal is a programmer
 * error (a plain Error, a RangeError for a partition), the same from every adapter; unchecked, one store guessed
 * (a negative maxCount read on, an unknown direction read forwards, a partition past the count read nothing) where
 * the other refused.
 */

export function checkReadStream(streamId: unknown, options: ReadStreamOptions): asserts streamId is string {
  const { fromRevision, direction = 'forwards', maxCount, asOf } = options;
  checkStreamId(streamId, 'readStream');
  if (direction !== 'forwards' && direction !== 'backwards') throw new Error(`readStream: not a direction: ${String(direction)}`);
  if (fromRevision !== undefined && !Number.isInteger(fromRevision)) throw new Error(`readStream: not a revision: ${fromRevision}`);
  if (asOf !== undefined && !(asOf instanceof Date && Number.isFinite(asOf.getTime()))) throw new Error('readStream: asOf must be a valid Date');
  checkMaxCount(maxCount, 'readStream');
}

export function checkReadAll(options: ReadAllOptions): void {
  checkMaxCount(options.maxCount, 'readAll');
  const partition = options.filter?.partition;
  if (partition) {
    const { index, count } = partition;
    if (!Number.isInteger(count) || count < 1 || !Number.isInteger(index) || index < 0 || index >= count) {
      throw new RangeError(`readAll: not a partition: ${index} of ${count}`);
    }
  }
}

function checkMaxCount(maxCount: number | undefined, operation: string): void {
  if (maxCount !== undefined && !(Number.isInteger(maxCount) && maxCount >= 0)) {
    throw new Error(`${operation}: maxCount must be a non-negative integer: ${maxCount}`);
  }
}
