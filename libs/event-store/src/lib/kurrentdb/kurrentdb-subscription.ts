import type { AllStreamResolvedEvent, AllStreamSubscription } from '@kurrent/kurrentdb-client';
import { batchRetryPlan, failedOn, type FailingAttempts } from '../batch-retry';
import { batchConcurrency, handleBatch } from '../handle-batch';
import { comparePositions, type Position, type RecordedEvent } from '../recorded-event';
import type { RunningSubscription, SqlTransaction, SubscriptionOptions, SubscriptionStatus, TransactionRunner } from '../subscription';
import { PostgresCheckpoints } from '../postgres/postgres-checkpoints';
import type { KurrentClient } from './kurrentdb-client';
import { matchesFilter, toServerFilter } from './kurrentdb-filter';
import { fromKurrentEvent, toKurrentReadPosition, toStoreError } from './kurrentdb-mapping';
import { backoffMs, defaultConsumerId, InterruptiblePause } from './kurrentdb-pause';
import { startPersistentSubscription } from './kurrentdb-persistent-subscription';
import { lastMatchingEvent, readLogEvents } from './kurrentdb-read';

/** PostgreSQL, where subscriptions of the KurrentDB store run their handlers and keep their checkpoints. */
export interface SubscriptionBackend {
  readonly transactions: TransactionRunner<SqlTransaction>;
  close(): Promise<void>;
}

/**
 * `partitions` 1 (the default): one catch-up subscription to $all per name, checkpoint in PostgreSQL.
 * `partitions` > 1: competing consumers through a KurrentDB persistent subscription group (Kurrent does the
 * partitioning: its Pinned strategy hashes stream ids to consumers), see kurrentdb-persistent-subscription.ts.
 */
export function startKurrentSubscription<Tx>(
  client: KurrentClient,
  backend: SubscriptionBackend,
  options: SubscriptionOptions<Tx>,
): Promise<RunningSubscription> {
  const transactions = (options.transactions ?? backend.transactions) as TransactionRunner<Tx & SqlTransaction>;
  return (options.partitions ?? 1) > 1
    ? startPersistentSubscription(client, transactions, options)
    : startCatchUpSubscription(client, transactions, options);
}

/**
 * Checkpoints are the PostgreSQL adapter's (event_store.subscription_checkpoints, partition 0 of 1), so the
 * checkpoint database must carry that migration. Positions of the two adapters are not comparable: moving a
 * subscription from one store to the other means resetting its checkpoint.
 */
export async function startCatchUpSubscription<Tx>(
  client: KurrentClient,
  transactions: TransactionRunner<Tx & SqlTransaction>,
  options: SubscriptionOptions<Tx>,
): Promise<RunningSubscription> {
  const checkpoints = new PostgresCheckpoints(options.name, 1);
  await checkpoints.assertPartitionCount(transactions);
  const checkpoint = await checkpoints.load(transactions, 0);
  return new CatchUpSubscription(client, transactions, checkpoints, options, checkpoint);
}

/** Thrown inside the batch transaction to roll it back when the checkpoint compare-and-set lost. */
class CheckpointMoved extends Error {}

/** Events buffered ahead of the handler, in batches, before the live stream is paused. */
const HIGH_WATER_BATCHES = 2;

/**
 * Catch-up, then live. Catching up reads $all in pages of `batchSize` from the checkpoint (readAll, server-side
 * filter), each page handled with the checkpoint after its last event in one PostgreSQL transaction. Once a page
 * comes back short, a live subscription to $all opens from the checkpoint; what it pushes queues here and is
 * handled in batches the same way. A failed batch is retried after a back-off, as batchRetryPlan (batch-retry.ts)
 * says with no `maxAttempts`: the events before the one the handler threw on are committed, then that one alone,
 * until it goes through. A broken live stream sends the subscription back to catching up from its last committed
 * checkpoint.
 */
class CatchUpSubscription<Tx> implements RunningSubscription {
  private readonly consumerId: string;
  private readonly batchSize: number;
  private readonly concurrency: number;
  /** Woken by pushed events, a broken stream and stop(). */
  private readonly wake = new InterruptiblePause();
  /** Retry delays: cut short only by stop(), not by new events. */
  private readonly backoff = new InterruptiblePause();
  private queue: RecordedEvent[] = [];
  /** Null while catching up by pages. */
  private live: AllStreamSubscription | null = null;
  private broken: unknown = null;
  private stopping = false;
  private handled = 0;
  /** The event the handler last threw on, and how often in a row: the retry takes the batch up to it, then it alone. */
  private failing: FailingAttempts | null = null;
  private waiters: { target: Position; resolve: () => void; reject: (e: Error) => void }[] = [];
  private readonly loop: Promise<void>;

  constructor(
    private readonly client: KurrentClient,
    private readonly transactions: TransactionRunner<Tx & SqlTransaction>,
    private readonly checkpoints: PostgresCheckpoints,
    private readonly options: SubscriptionOptions<Tx>,
    private checkpoint: Position,
  ) {
    // Parking is the PostgreSQL loop's (postgres-partition-worker.ts); silently retrying forever instead would hide it.
    if (options.maxAttempts !== undefined) throw new Error('maxAttempts (parking poison events) is not supported by the KurrentDB subscription');
    this.consumerId = options.consumerId ?? defaultConsumerId();
    this.batchSize = options.batchSize ?? 500;
    this.concurrency = batchConcurrency(options.concurrency);
    this.loop = this.run();
  }

  async caughtUp(): Promise<void> {
    if (this.stopping) throw new Error(`subscription ${this.options.name} is stopped`);
    const target = await lastMatchingEvent(this.client, this.options.filter);
    if (!target || this.reached(target.position)) return;
    return new Promise((resolve, reject) => this.waiters.push({ target: target.position, resolve, reject }));
  }

  status(): SubscriptionStatus {
    return {
      name: this.options.name,
      consumerId: this.consumerId,
      partitions: [{ index: 0, checkpoint: this.checkpoint }],
      handled: this.handled,
    };
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake.interrupt();
    this.backoff.interrupt();
    await this.loop;
    await this.closeLive();
    for (const w of this.waiters.splice(0)) w.reject(new Error(`subscription ${this.options.name} stopped`));
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      try {
        if (this.broken) {
          const error = this.broken;
          this.broken = null;
          await this.closeLive();
          throw error;
        }
        if (!this.live) {
          const page = await readLogEvents(this.client, { after: this.checkpoint, maxCount: this.batchSize, filter: this.options.filter });
          const committed = page.length > 0 ? await this.commit(page) : 0;
          if (committed === page.length && page.length < this.batchSize && !this.stopping) this.openLive();
        } else if (this.queue.length > 0) {
          const committed = await this.commit(this.queue.slice(0, this.batchSize));
          this.queue.splice(0, committed);
          if (this.live.isPaused() && this.queue.length < this.batchSize) this.live.resume();
        } else {
          await this.wake.untilInterrupted();
        }
        failures = 0;
      } catch (error) {
        if (error instanceof CheckpointMoved) {
          // Another replica of the same name committed past us: carry on from where it got to.
          this.failing = null;
          await this.closeLive();
          this.checkpoint = await this.checkpoints.load(this.transactions, 0).catch(() => this.checkpoint);
        }
        this.report(error);
        await this.backoff.for(backoffMs(++failures));
      }
    }
  }

  private openLive(): void {
    this.queue = [];
    const live = this.client.subscribeToAll({
      fromPosition: toKurrentReadPosition(this.checkpoint),
      filter: toServerFilter(this.options.filter),
    });
    live.on('data', (resolved: AllStreamResolvedEvent) => this.receive(live, resolved));
    live.on('error', (error: unknown) => this.fail(live, toStoreError(error, '$all')));
    live.on('close', () => this.fail(live, new Error('subscription to $all closed by the server')));
    this.live = live;
  }

  private receive(live: AllStreamSubscription, resolved: AllStreamResolvedEvent): void {
    const e = resolved.event;
    if (live !== this.live || !e || !matchesFilter(e, this.options.filter)) return;
    const last = this.queue.length > 0 ? this.queue[this.queue.length - 1].position : this.checkpoint;
    // Kurrent starts after the given position; this only guards against a server that did not.
    if (comparePositions(e.position, last) <= 0) return;
    try {
      this.queue.push(fromKurrentEvent(e));
    } catch (error) {
      return this.fail(live, error);
    }
    if (this.queue.length >= this.batchSize * HIGH_WATER_BATCHES) live.pause();
    this.wake.interrupt();
  }

  private fail(live: AllStreamSubscription, error: unknown): void {
    if (live !== this.live || this.stopping || this.broken) return;
    this.broken = error;
    this.wake.interrupt();
  }

  private async closeLive(): Promise<void> {
    const live = this.live;
    this.live = null;
    this.queue = [];
    if (live) await live.unsubscribe().catch(() => undefined);
  }

  /** Handles what the retry plan takes of `events` (all of them unless the handler threw on one), with the checkpoint in one transaction; returns how many. */
  private async commit(events: readonly RecordedEvent[]): Promise<number> {
    const plan = batchRetryPlan(events, this.failing, undefined);
    const batch = plan.kind === 'batch' ? events : plan.kind === 'before-failing' ? events.slice(0, plan.count) : events.slice(0, 1);
    const last = batch[batch.length - 1].position;
    let threw: RecordedEvent | null = null;
    // With concurrency, the first to fail.
    const watched = async (event: RecordedEvent, tx: Tx & SqlTransaction): Promise<void> => {
      try {
        await this.options.handle(event, tx);
      } catch (e) {
        threw ??= event;
        throw e;
      }
    };
    try {
      await this.transactions.inTransaction(async (tx) => {
        await handleBatch(batch, watched, tx, this.concurrency);
        if (!(await this.checkpoints.save(tx, 0, this.checkpoint, last))) throw new CheckpointMoved();
      });
    } catch (e) {
      if (threw) this.failing = failedOn(this.failing, (threw as RecordedEvent).id);
      throw e;
    }
    // Past the failing event once it went through alone; the events before it leave it next.
    if (plan.kind !== 'before-failing') this.failing = null;
    this.checkpoint = last;
    this.handled += batch.length;
    this.waiters = this.waiters.filter((w) => (this.reached(w.target) ? (w.resolve(), false) : true));
    return batch.length;
  }

  private reached(target: Position): boolean {
    return comparePositions(this.checkpoint, target) >= 0;
  }

  private report(error: unknown): void {
    try {
      this.options.onError?.(error, 0);
    } catch {
      // A failing error callback must not stop the subscription.
    }
  }
}
