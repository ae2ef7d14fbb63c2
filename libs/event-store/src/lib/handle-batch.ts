import { boundedAll } from './bounded-all';
import type { RecordedEvent } from './recorded-event';

/**
 * Hands one batch to a subscription's handler inside the batch's transaction. With `concurrency` 1 the events go
 * one at a time in log order. With more, up to that many streams are handled at once, each stream's events still
 * one after the other in revision order: the guarantee partitions give, without a new partition count (which would
 * be a new subscription, replayed from the start). A handler whose effect waits on round trips (reading a stream,
 * appending) then no longer queues every other stream of its partition behind its own waits.
 *
 * Every started handler is awaited before the first failure is rethrown, so the transaction never rolls back under
 * a handler still using it; the whole batch is then redelivered, as with one handler at a time.
 */
export async function handleBatch<Tx>(
  events: readonly RecordedEvent[],
  handle: (event: RecordedEvent, tx: Tx) => Promise<void>,
  tx: Tx,
  concurrency = 1,
): Promise<void> {
  if (concurrency <= 1 || events.length <= 1) {
    for (const event of events) await handle(event, tx);
    return;
  }
  const lanes = new Map<string, RecordedEvent[]>();
  for (const event of events) {
    const lane = lanes.get(event.streamId);
    if (lane) lane.push(event);
    else lanes.set(event.streamId, [event]);
  }
  await boundedAll([...lanes.values()], concurrency, async (lane, failed) => {
    for (const event of lane) {
      if (failed()) return;
      await handle(event, tx);
    }
  });
}

/** Validates the `concurrency` option of a subscription. */
export function batchConcurrency(value: number | undefined): number {
  const concurrency = value ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error('concurrency must be a positive integer');
  return concurrency;
}
