import {
  ErrorType,
  PARK,
  PINNED,
  RETRY,
  START,
  persistentSubscriptionToAllSettingsFromDefaults,
  type PersistentSubscriptionToAll,
  type PersistentSubscriptionToAllResolvedEvent,
} from '@kurrent/kurrentdb-client';
import { batchConcurrency } from '../handle-batch';
import { partitionOf } from '../postgres/postgres-partition';
import type { Position, RecordedEvent } from '../recorded-event';
import type { RunningSubscription, SqlTransaction, SubscriptionOptions, SubscriptionStatus, TransactionRunner } from '../subscription';
import type { KurrentClient } from './kurrentdb-client';
import { matchesFilter, toServerFilter } from './kurrentdb-filter';
import { ForeignEventError, fromKurrentEvent, toStoreError } from './kurrentdb-mapping';
import { backoffMs, defaultConsumerId, InterruptiblePause } from './kurrentdb-pause';
import { assertProcessedTable, hasProcessed, lockProcessedRevision, recordProcessedRevision } from './kurrentdb-processed';
import { lastMatchingEvent, readStreamEvents } from './kurrentdb-read';

/**
 * Competing consumers on KurrentDB: a persistent subscription group to $all named after the subscription, with
 * the Pinned consumer strategy, so the server sends the events of one stream to one consumer while it stays
 * connected and rebalances streams when consumers come and go.
 *
 * Exactly-once effect: Kurrent delivers at-least-once, and Pinned is best effort (a retried or rebalanced event can
 * arrive after a later one of its stream). So each event is handled in a PostgreSQL transaction that also locks and
 * advances the group's processed revision for its stream (kurrentdb-processed.ts): a redelivered event finds its
 * revision already recorded and is only acknowledged; an event whose stream still has an earlier matching event
 * unhandled is sent back (nack retry) until that one is done. The ack goes out only after the commit; a crash
 * between the two redelivers an event that is then recognised as done.
 *
 * A failing handler is retried with back-off; after Kurrent's maxRetryCount the server parks the event, and every
 * later event of that stream waits (and eventually parks) behind it until an operator replays the parked messages.
 */

const SETTINGS = persistentSubscriptionToAllSettingsFromDefaults({
  startFrom: START,
  consumerStrategyName: PINNED,
  maxRetryCount: 10,
});

export async function startPersistentSubscription<Tx>(
  client: KurrentClient,
  transactions: TransactionRunner<Tx & SqlTransaction>,
  options: SubscriptionOptions<Tx>,
): Promise<RunningSubscription> {
  await transactions.inTransaction((tx) => assertProcessedTable(tx));
  try {
    await client.createPersistentSubscriptionToAll(options.name, SETTINGS, { filter: toServerFilter(options.filter) });
  } catch (error) {
    // The group outlives any one replica: the first replica ever creates it, the others join.
    if ((error as { type?: unknown }).type !== ErrorType.PERSISTENT_SUBSCRIPTION_EXISTS) throw toStoreError(error, '$all');
  }
  return new PersistentGroupSubscription(client, transactions, options);
}

type Outcome = 'handled' | 'duplicate' | 'early';

class PersistentGroupSubscription<Tx> implements RunningSubscription {
  private readonly consumerId: string;
  /** Retry delays and caughtUp() polls: cut short by stop(). */
  private readonly pause = new InterruptiblePause();
  private source: PersistentSubscriptionToAll | null = null;
  private stopping = false;
  private handled = 0;
  private readonly partitions: number;
  /** Per partition (partitionOf the stream), the position of the last event this replica handled. */
  private readonly lastHandled = new Map<number, Position>();
  /** The events being handled, at most `concurrency` (never reject). */
  private readonly inFlight = new Set<Promise<void>>();
  private readonly concurrency: number;
  private readonly loop: Promise<void>;

  constructor(
    private readonly client: KurrentClient,
    private readonly transactions: TransactionRunner<Tx & SqlTransaction>,
    private readonly options: SubscriptionOptions<Tx>,
  ) {
    this.consumerId = options.consumerId ?? defaultConsumerId();
    this.partitions = options.partitions ?? 1;
    this.concurrency = batchConcurrency(options.concurrency);
    this.loop = this.run();
  }

  /**
   * Done when the newest matching event at the time of the call is recorded as handled (by any consumer of the
   * group) and the server has nothing of the group in flight or waiting for retry.
   */
  async caughtUp(): Promise<void> {
    const target = await lastMatchingEvent(this.client, this.options.filter);
    if (!target) return;
    for (let polls = 1; !this.stopping; polls++) {
      const handled = await this.transactions.inTransaction((tx) =>
        hasProcessed(tx, this.options.name, target.streamId, target.revision),
      );
      if (handled && (await this.groupIsIdle())) return;
      // No server notification says "the group drained": poll, gently.
      await this.pause.for(Math.min(20 * polls, 500));
    }
    throw new Error(`subscription ${this.options.name} stopped`);
  }

  /**
   * The server, not this replica, decides which streams it gets (Pinned: any stream may come to any consumer of
   * the group), so every replica lists every partition, with the last event it handled there.
   */
  status(): SubscriptionStatus {
    return {
      name: this.options.name,
      consumerId: this.consumerId,
      partitions: Array.from({ length: this.partitions }, (_, index) => ({ index, checkpoint: this.lastHandled.get(index) ?? null })),
      handled: this.handled,
    };
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.pause.interrupt();
    // The event in hand commits and is acknowledged first; only then is the connection closed, which also ends the
    // wait for the next event in run().
    await Promise.all(this.inFlight);
    const source = this.source;
    this.source = null;
    if (source) await source.unsubscribe().catch(() => undefined);
    source?.destroy();
    await this.loop;
  }

  private async groupIsIdle(): Promise<boolean> {
    const { stats } = await this.client.getPersistentSubscriptionToAllInfo(this.options.name);
    return stats.totalInFlightMessages === 0 && stats.retryBufferCount === 0 && stats.outstandingMessagesCount === 0;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      const source = this.client.subscribeToPersistentSubscriptionToAll(this.options.name, { bufferSize: this.options.batchSize ?? 10 });
      this.source = source;
      // Up to `concurrency` events at once: the processed-revision lock and the early-event nack keep each stream in
      // order whichever of its events the server sends to whom, so overlap here needs no rule of its own.
      let failed: { error: unknown } | null = null;
      try {
        for await (const resolved of source) {
          const tracked: Promise<void> = this.process(source, resolved)
            .then(
              () => void (failures = 0),
              (error: unknown) => void (failed ??= { error }),
            )
            .finally(() => this.inFlight.delete(tracked));
          this.inFlight.add(tracked);
          if (this.inFlight.size >= this.concurrency) await Promise.race(this.inFlight);
          if (failed) throw (failed as { error: unknown }).error;
          if (this.stopping) break;
        }
        await Promise.all(this.inFlight);
        if (failed) throw (failed as { error: unknown }).error;
        if (!this.stopping) throw new Error('persistent subscription closed by the server');
      } catch (error) {
        await Promise.all(this.inFlight);
        if (this.stopping) break;
        this.report(toStoreError(error, '$all'));
        await source.unsubscribe().catch(() => undefined);
        await this.pause.for(backoffMs(++failures));
      }
    }
  }

  private async process(source: PersistentSubscriptionToAll, resolved: PersistentSubscriptionToAllResolvedEvent): Promise<void> {
    const e = resolved.event;
    if (!e || !matchesFilter(e, this.options.filter)) return source.ack(resolved);
    let event: RecordedEvent;
    try {
      event = fromKurrentEvent(e);
    } catch (error) {
      this.report(error);
      return source.nack(PARK, error instanceof ForeignEventError ? error.message : 'unreadable event', resolved);
    }
    try {
      const outcome = await this.transactions.inTransaction((tx) => this.handleOnce(event, tx));
      if (outcome === 'early') {
        await this.pause.for(backoffMs(resolved.retryCount + 1));
        return source.nack(RETRY, 'an earlier event of its stream is not handled yet', resolved);
      }
      await source.ack(resolved);
      if (outcome === 'handled') {
        this.handled++;
        this.lastHandled.set(partitionOf(event.streamId, this.partitions), event.position);
      }
    } catch (error) {
      this.report(error);
      await this.pause.for(backoffMs(resolved.retryCount + 1));
      await source.nack(RETRY, error instanceof Error ? error.message : 'handler failed', resolved);
    }
  }

  private async handleOnce(event: RecordedEvent, tx: Tx & SqlTransaction): Promise<Outcome> {
    const done = await lockProcessedRevision(tx, this.options.name, event.streamId);
    if (done !== null && event.revision <= done) return 'duplicate';
    if ((await this.previousMatchingRevision(event, done)) !== done) return 'early';
    await this.options.handle(event, tx);
    await recordProcessedRevision(tx, this.options.name, event.streamId, event.revision);
    return 'handled';
  }

  /** The revision of the stream's matching event just before `event`, looking no further back than `done`. */
  private async previousMatchingRevision(event: RecordedEvent, done: number | null): Promise<number | null> {
    const floor = done ?? -1;
    if (event.revision === floor + 1) return done;
    // A gap: events in between were filtered out (other types) or are still on their way. Kurrent tells which.
    const between = await readStreamEvents(this.client, event.streamId, {
      fromRevision: event.revision - 1,
      direction: 'backwards',
      maxCount: event.revision - 1 - floor,
    });
    const pending = between.find((e) => matchesFilter(e, this.options.filter));
    return pending ? pending.revision : done;
  }

  private report(error: unknown): void {
    try {
      this.options.onError?.(error, 0);
    } catch {
      // A failing error callback must not stop the subscription.
    }
  }
}
