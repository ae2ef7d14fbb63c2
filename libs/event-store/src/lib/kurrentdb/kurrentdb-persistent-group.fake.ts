import { PassThrough } from 'node:stream';
import type { PersistentAction, PersistentSubscriptionToAll, ResolvedEvent } from '@kurrent/kurrentdb-client';
import { partitionOf } from '../postgres/postgres-partition';
import type { StoredKurrentEvent } from './kurrentdb-client.fake';

/**
 * A persistent subscription group to $all as the tests need it (see kurrentdb-client.fake.ts): events go out in log
 * order, each stream pinned to one connected consumer; unacknowledged events of a consumer that leaves, and nacked
 * ones, are sent again (retries first); after `maxRetryCount` retries an event is parked.
 */

interface Pending {
  readonly event: StoredKurrentEvent;
  readonly retryCount: number;
}

type Consumer = PassThrough & PersistentSubscriptionToAll;

export class FakePersistentGroup {
  private next = 0;
  private retries: Pending[] = [];
  private readonly inFlight = new Map<string, Pending & { consumer: Consumer }>();
  private readonly consumers: Consumer[] = [];
  readonly parked: StoredKurrentEvent[] = [];

  constructor(
    private readonly maxRetryCount: number,
    private readonly accepts: (e: StoredKurrentEvent) => boolean,
    private readonly log: () => readonly StoredKurrentEvent[],
  ) {}

  connect(): PersistentSubscriptionToAll {
    const out = new PassThrough({ objectMode: true });
    const consumer = Object.assign(out, {
      ack: async (...events: ResolvedEvent[]) => {
        for (const e of events) this.inFlight.delete(idOf(e));
      },
      nack: async (action: PersistentAction, _reason: string, ...events: ResolvedEvent[]) => {
        for (const e of events) this.settle(idOf(e), action);
        this.dispatch();
      },
      unsubscribe: async () => void out.destroy(),
    }) as unknown as Consumer;
    this.consumers.push(consumer);
    out.on('close', () => {
      this.consumers.splice(this.consumers.indexOf(consumer), 1);
      for (const [id, p] of this.inFlight) if (p.consumer === consumer) this.settle(id, 'retry');
      this.dispatch();
    });
    this.dispatch();
    return consumer;
  }

  /** Sends everything again from the start, as a server does from its last checkpoint after a restart. */
  rewind(): void {
    this.next = 0;
    this.dispatch();
  }

  stats() {
    return { totalInFlightMessages: this.inFlight.size, outstandingMessagesCount: this.inFlight.size, retryBufferCount: this.retries.length };
  }

  /** Sends whatever is waiting to the consumers, on the next turn of the event loop (as a network would). */
  dispatch(): void {
    setImmediate(() => {
      if (this.consumers.length === 0) return;
      const waiting = this.retries.splice(0);
      const log = this.log();
      for (; this.next < log.length; this.next++) if (this.accepts(log[this.next])) waiting.push({ event: log[this.next], retryCount: 0 });
      for (const p of waiting) {
        const consumer = this.consumers[partitionOf(p.event.streamId, this.consumers.length)];
        this.inFlight.set(p.event.id, { ...p, consumer });
        consumer.write({ event: p.event, retryCount: p.retryCount });
      }
    });
  }

  private settle(id: string, action: PersistentAction): void {
    const p = this.inFlight.get(id);
    if (!p) return;
    this.inFlight.delete(id);
    if (action === 'park' || (action === 'retry' && p.retryCount >= this.maxRetryCount)) this.parked.push(p.event);
    else if (action === 'retry') this.retries.push({ event: p.event, retryCount: p.retryCount + 1 });
  }
}

function idOf(e: ResolvedEvent): string {
  const id = e.event?.id;
  if (!id) throw new Error('an event without id was acknowledged');
  return id;
}
