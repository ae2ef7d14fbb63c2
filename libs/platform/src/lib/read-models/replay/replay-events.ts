/**
 * Runs a projection's handler over the live log into the scratch read models: the events matching its filter, in
 * log order, `batchSize` per transaction as the live subscription does, until a read comes back short (the head as
 * it stood then). The next batch is read while the current one is handled. One pass in log order is one of the
 * interleavings the live partitions may produce, which is why the catalogue leaves out the few columns that
 * depend on the interleaving.
 *
 * It also notes, per partition of the live subscription's count, the last event replayed, which is what the live
 * checkpoints must have passed before the live tables are compared (live-catch-up.ts).
 */
import { partitionOf, START, type EventStore, type Position, type RecordedEvent } from '@ics2/event-store';
import type { ReadModelDatabase } from '../read-model-database';
import type { ProjectionHandler, ReadModelProjection } from './read-model-catalogue';

const DEFAULT_BATCH = 500;

export interface ReplayedEvents {
  readonly count: number;
  /** Position of the last event replayed; undefined when none matched. */
  readonly upTo: Position | undefined;
  /** The last event replayed in each partition (of `partitions`) that had any. */
  readonly lastByPartition: ReadonlyMap<number, Position>;
}

export async function replayEvents(store: EventStore, projection: ReadModelProjection, handle: ProjectionHandler, scratch: ReadModelDatabase, partitions: number): Promise<ReplayedEvents> {
  const batchSize = projection.batchSize ?? DEFAULT_BATCH;
  const read = (from: Position) => store.readAll({ fromPosition: from, maxCount: batchSize, filter: projection.filter });
  const lastByPartition = new Map<number, Position>();
  let count = 0;
  let upTo: Position | undefined;
  let batch: RecordedEvent[] = await read(START);
  while (batch.length > 0) {
    const last = batch[batch.length - 1].position;
    const next = batch.length === batchSize ? read(last) : Promise.resolve([]);
    // Handled before `next` is awaited; should handling fail, the read still settles (and is dropped).
    next.catch(() => undefined);
    const events = batch;
    await scratch.inTransaction(async (tx) => {
      for (const event of events) await handle(event, tx);
    });
    for (const event of events) lastByPartition.set(partitionOf(event.streamId, partitions), event.position);
    count += events.length;
    upTo = last;
    batch = await next;
  }
  return { count, upTo, lastByPartition };
}
