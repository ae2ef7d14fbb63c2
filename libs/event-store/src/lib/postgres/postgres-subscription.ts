// Durable subscriptions on PostgreSQL with competing consumers. Why each part exists:
// - Per partition, one loop reads `readAll` from its checkpoint and hands each batch to the handler in one
//   transaction that also moves the checkpoint by compare-and-set (postgres-checkpoints.ts).
// - The read (readLogAfter) only returns events below a transaction-id watermark that only transactions inserting
//   events hold back (schema/005-appender-watermark.sql), so a notification can arrive before its event is
//   readable: after one, the loop re-polls with a short back-off until every appender that was running when it
//   looked has ended, then sleeps on LISTEN again (postgres-wakeup.ts).
// - Partitions are session advisory locks shared by the replicas of a name, balanced to ceil(N / live replicas)
//   each on a periodic tick (postgres-partition-leases.ts).
// - A failed batch is retried with a back-off, forever by default; with `maxAttempts`, the events before the one the
//   handler threw on are committed as a batch, that one is retried alone and parked once it failed that often
//   (batch-retry.ts, postgres-parked-events.ts: the parked row and the checkpoint past it in one transaction).
// Over 300 lines on purpose: the replica and its partition loops share caught-up and hand-over state that splitting
// them would have to expose; everything with a concern of its own lives in the files named above.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Pool } from 'pg';
import type { EventFilter, ReadAllOptions } from '../event-store.port';
import { comparePositions, START, type Position, type RecordedEvent } from '../recorded-event';
import { batchConcurrency, handleBatch } from '../handle-batch';
import { batchRetryPlan, failedOn, maxAttemptsOption, type FailingAttempts } from '../batch-retry';
import type { BatchFailure, FailingEvent, ParkedEvent, RunningSubscription, SqlTransaction, SubscriptionOptions, SubscriptionStatus, TransactionRunner } from '../subscription';
import { lagBehind, PostgresCheckpoints, type CheckpointLag } from './postgres-checkpoints';
import { errorMessageOf, insertParkedEvent } from './postgres-parked-events';
import { balanceTarget, PartitionLeases, preferenceOrder } from './postgres-partition-leases';
import { PoolTransactionRunner } from './postgres-transactions';
import type { AppendHorizon } from './postgres-read-all';
import { reservePoolConnections } from './postgres-pool-reserve';
import { SharedAppendHorizon } from './postgres-shared-horizon';
import { PollSchedule, SharedAppendListener, Signal, snapshotOf } from './postgres-wakeup';

/** Timings, with production defaults; tests shorten them. */
export interface PostgresSubscriptionTuning {
  /** Heartbeat, count live replicas, take or give back partitions. Default 1000 ms. */
  readonly rebalanceIntervalMs?: number;
  /** A replica without a heartbeat for this long no longer counts (its locks die with its connection). Default 5000 ms. */
  readonly memberStaleAfterMs?: number;
  /** Longest sleep without a notification; covers notifications lost while LISTEN reconnected. Default 30 s. */
  readonly idleTimeoutMs?: number;
  /** Re-poll delays while a notified event may still be held back by an older transaction. Default 5 -> 200 ms. */
  readonly pollBackoffMs?: { readonly min: number; readonly max: number };
  /**
   * Least time between the starts of two reads of a partition that drained: under a stream of appends a loop then
   * reads what came in that time in one go, instead of two statements per notification. Default 10 ms.
   */
  readonly minReadIntervalMs?: number;
  /** Delays before retrying a failed batch. Default 100 ms -> 5 s. */
  readonly retryBackoffMs?: { readonly min: number; readonly max: number };
}

export type PostgresSubscriptionOptions<Tx = SqlTransaction> = SubscriptionOptions<Tx> & PostgresSubscriptionTuning;

/** Where a subscription reads the log: PostgresEventStore.readLog. */
export interface LogSource {
  readLog(options: ReadAllOptions, horizon: AppendHorizon): Promise<RecordedEvent[]>;
}

export interface PostgresRunningSubscription extends RunningSubscription {
  /** For metrics: events after this replica's checkpoints (summed), and the age of the oldest (max). */
  lag(): Promise<CheckpointLag>;
}

/** Why a partition loop ends. `moved`: the checkpoint moved under it, so another replica owns the partition. */
type Leave = 'stopped' | 'released' | 'lost' | 'moved';

interface Waiter {
  readonly target: bigint;
  readonly resolve: () => void;
  readonly reject: (e: Error) => void;
}

/** Thrown inside the batch transaction to roll it back when the checkpoint compare-and-set fails. */
class CheckpointMoved extends Error {}

/** Starts a subscription replica; resolves once it listens, is registered and has taken its first partitions. */
export async function startPostgresSubscription<Tx = SqlTransaction>(
  store: LogSource,
  pool: Pool,
  options: PostgresSubscriptionOptions<Tx>,
): Promise<PostgresRunningSubscription> {
  const subscription = new PostgresSubscription(store, pool, options);
  await subscription.start();
  return subscription;
}

class PostgresSubscription<Tx> implements PostgresRunningSubscription {
  readonly consumerId: string;
  readonly partitions: number;
  readonly batchSize: number;
  readonly concurrency: number;
  readonly maxAttempts: number | undefined;
  readonly runner: TransactionRunner<Tx & SqlTransaction>;
  readonly checkpoints: PostgresCheckpoints;
  private readonly leases: PartitionLeases;
  private leaveListener: () => Promise<void> = async () => undefined;
  private releaseLeaseConnection: () => void = () => undefined;
  private readonly preference: number[];
  private readonly workers = new Map<number, PartitionWorker<Tx>>();
  private locked = new Set<number>();
  private waiters: Waiter[] = [];
  private tickTimer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> = Promise.resolve();
  private stopping: Promise<void> | null = null;
  private failure: Error | null = null;
  handled = 0;

  constructor(
    readonly store: LogSource,
    readonly pool: Pool,
    readonly options: PostgresSubscriptionOptions<Tx>,
  ) {
    this.consumerId = options.consumerId ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
    this.partitions = options.partitions ?? 1;
    this.batchSize = options.batchSize ?? 500;
    this.concurrency = batchConcurrency(options.concurrency);
    this.maxAttempts = maxAttemptsOption(options.maxAttempts);
    if (!Number.isInteger(this.partitions) || this.partitions < 1) throw new Error('partitions must be a positive integer');
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1) throw new Error('batchSize must be a positive integer');
    this.runner = options.transactions ?? (new PoolTransactionRunner(pool) as unknown as TransactionRunner<Tx & SqlTransaction>);
    this.checkpoints = new PostgresCheckpoints(options.name, this.partitions);
    this.preference = preferenceOrder(this.consumerId, this.partitions);
    this.leases = new PartitionLeases(pool, {
      name: options.name,
      consumerId: this.consumerId,
      staleAfterMs: options.memberStaleAfterMs ?? 5_000,
      onLost: () => {
        this.locked.clear();
        this.workers.forEach((w) => w.leave('lost'));
      },
    });
  }

  async start(): Promise<void> {
    try {
      await this.checkpoints.assertPartitionCount(this.runner);
      // LISTEN before the first read, so no commit falls between the read and the listening.
      this.leaveListener = await SharedAppendListener.of(this.pool).join({
        onNotify: (category) => this.wake(category),
        onReconnect: () => this.workers.forEach((w) => w.notify()),
      });
      // The lease session is held for the replica's life: on top of the pool's size, not out of it. So are the
      // partitions' batch transactions when they run on this pool (no `transactions` of their own).
      this.releaseLeaseConnection = reservePoolConnections(this.pool, 1 + (this.options.transactions ? 0 : this.partitions));
      await this.leases.connect();
    } catch (e) {
      await this.leaveListener();
      await this.leases.close();
      this.releaseLeaseConnection();
      throw e;
    }
    this.ticking = this.tick();
    await this.ticking;
  }

  caughtUp(): Promise<void> {
    if (this.failure || this.stopping) return Promise.reject(this.failure ?? new Error('subscription stopped'));
    return this.horizon().then(
      ({ horizon: xmax }) =>
        new Promise<void>((resolve, reject) => {
          this.waiters.push({ target: xmax, resolve, reject });
          this.workers.forEach((w) => w.notify());
          this.checkWaiters();
        }),
    );
  }

  status(): SubscriptionStatus {
    const partitions = [...this.workers.values()]
      .filter((w) => !w.leaving)
      .map((w) => ({ index: w.index, checkpoint: w.checkpoint }))
      .sort((a, b) => a.index - b.index);
    return { name: this.options.name, consumerId: this.consumerId, partitions, handled: this.handled };
  }

  async lag(): Promise<CheckpointLag> {
    const held = [...this.workers.values()].filter((w) => !w.leaving && w.checkpoint);
    const lags = await Promise.all(held.map((w) => lagBehind(this.pool, w.checkpoint as Position, this.filterFor(w.index))));
    return lags.reduce((a, b) => ({ events: a.events + b.events, seconds: Math.max(a.seconds, b.seconds) }), { events: 0, seconds: 0 });
  }

  /** The readAll filter of one partition. */
  filterFor(index: number): EventFilter {
    const { categories, eventTypes } = this.options.filter ?? {};
    return { categories, eventTypes, partition: this.partitions > 1 ? { index, count: this.partitions } : undefined };
  }

  stop(): Promise<void> {
    this.stopping ??= this.shutDown(new Error('subscription stopped'), true);
    return this.stopping;
  }

  /** The append notifies with the stream's category: a subscriber filtering on others need not look. */
  private wake(category: string | undefined): void {
    const categories = this.options.filter?.categories;
    if (category && categories?.length && !categories.includes(category)) return;
    this.workers.forEach((w) => w.notify());
  }

  /** Taken after this call, in one statement with the other reads on the pool that ask in the same turn. */
  horizon(): Promise<AppendHorizon> {
    return SharedAppendHorizon.of(this.pool).next();
  }

  /** A closed pool means this replica is being torn down without stop(): there is nothing left to retry with. */
  isFatal(): boolean {
    if (!this.pool.ending) return false;
    this.stopping ??= this.shutDown(new Error('subscription pool closed'), false);
    return true;
  }

  /** To onError; partition -1 is the replica's own bookkeeping (rebalance, lease session), not a batch. */
  report(error: unknown, partition: number, failure?: BatchFailure): void {
    try {
      this.options.onError?.(error, partition, failure);
    } catch {
      // A failing error callback must not stop the subscription.
    }
  }

  /** To onParked, once the parked row and the checkpoint past it committed. */
  parked(parked: ParkedEvent): void {
    try {
      this.options.onParked?.(parked);
    } catch {
      // Like onError: a failing callback must not stop the subscription.
    }
  }

  /** To onRecovered: the partition's consecutive failures are back to 0 (as far as this replica is concerned). */
  recovered(partition: number): void {
    try {
      this.options.onRecovered?.(partition);
    } catch {
      // Like onError: a failing callback must not stop the subscription.
    }
  }

  /** Wakes every caughtUp() whose target all partitions have reached; all partitions must be held by someone. */
  checkWaiters(): void {
    if (this.waiters.length === 0) return;
    const active = [...this.workers.values()].filter((w) => !w.leaving);
    const covered = new Set([...active.map((w) => w.index), ...[...this.locked].filter((p) => !this.workers.has(p))]);
    if (covered.size < this.partitions) return;
    this.waiters = this.waiters.filter((w) => {
      const reached = active.every((worker) => worker.drainedAt >= w.target);
      if (reached) w.resolve();
      return !reached;
    });
  }

  /** One rebalance round: heartbeat, give back extras, take free partitions up to this replica's share. */
  private async tick(): Promise<void> {
    this.tickTimer = null;
    try {
      if (this.isFatal()) return;
      if (!this.leases.connected) await this.leases.connect();
      const target = balanceTarget(this.partitions, await this.leases.heartbeat());
      const ownedBefore = [...this.workers.keys()];
      const locked = await this.leases.lockedPartitions();
      // Given back while pg_locks was being read: no longer held by anyone this replica knows of.
      ownedBefore.filter((p) => !this.workers.has(p)).forEach((p) => locked.delete(p));
      const mine = this.preference.filter((p) => this.workers.has(p) && !this.workers.get(p)?.leaving);
      mine.slice(target).forEach((p) => this.workers.get(p)?.leave('released'));
      let holding = Math.min(mine.length, target);
      for (const p of this.preference) {
        if (holding >= target || this.stopping) break;
        if (locked.has(p) || this.workers.has(p) || !(await this.leases.tryAcquire(p))) continue;
        locked.add(p);
        holding++;
        this.startWorker(p);
      }
      this.locked = locked;
      this.checkWaiters();
    } catch (e) {
      if (this.isFatal()) return;
      this.report(e, -1);
    }
    if (this.stopping) return;
    this.tickTimer = setTimeout(() => (this.ticking = this.tick()), this.options.rebalanceIntervalMs ?? 1_000);
  }

  private startWorker(index: number): void {
    const worker = new PartitionWorker(index, this);
    this.workers.set(index, worker);
    void worker.done.then(async () => {
      // Unlock only after the loop ended, so its last batch committed before another replica may start.
      if (!this.failure) await this.leases.release(index).catch((e: unknown) => this.report(e, index));
      this.workers.delete(index);
      // Free now, as far as this replica knows, until a tick sees who holds it.
      this.locked.delete(index);
      this.checkWaiters();
    });
  }

  private async shutDown(reason: Error, clean: boolean): Promise<void> {
    this.failure = clean ? null : reason;
    if (this.tickTimer) clearTimeout(this.tickTimer);
    await this.ticking;
    const workers = [...this.workers.values()];
    workers.forEach((w) => w.leave('stopped'));
    await Promise.all(workers.map((w) => w.done));
    await this.leaveListener();
    await this.leases.close();
    this.releaseLeaseConnection();
    this.waiters.forEach((w) => w.reject(reason));
    this.waiters = [];
  }
}

/** The loop of one held partition: read a batch, handle it with its checkpoint in one transaction, repeat, sleep. */
class PartitionWorker<Tx> {
  checkpoint: Position | null = null;
  /** The watermark of the last read after which this partition had nothing left: it is caught up to there. */
  drainedAt = -1n;
  leaving: Leave | null = null;
  readonly done: Promise<void>;
  /** Batches (or reads) failed in a row, and where the handler threw in the last one. */
  private failedAttempts = 0;
  private failingEvent: FailingEvent | null = null;
  /** The event the handler last threw on and how often in a row: what parking counts (batch-retry.ts). */
  private failing: FailingAttempts | null = null;
  private notified = true;
  private verify = false;
  private readonly signal = new Signal();

  constructor(
    readonly index: number,
    private readonly sub: PostgresSubscription<Tx>,
  ) {
    this.done = this.run();
  }

  notify(): void {
    this.notified = true;
    this.signal.fire();
  }

  leave(reason: Leave): void {
    this.leaving ??= reason;
    this.signal.fire();
  }

  private async run(): Promise<void> {
    try {
      await this.loop();
    } finally {
      // Given up (or stopped) while failing: this replica no longer tries, so it no longer reports attempts.
      this.clearFailures();
    }
  }

  private async loop(): Promise<void> {
    const { options, batchSize } = this.sub;
    const schedule = new PollSchedule(options.pollBackoffMs ?? { min: 5, max: 200 }, options.idleTimeoutMs ?? 30_000);
    const retry = options.retryBackoffMs ?? { min: 100, max: 5_000 };
    let retryDelay = retry.min;
    const minReadInterval = options.minReadIntervalMs ?? 10;
    let readAt = 0;
    while (!this.leaving) {
      try {
        if (!(await this.loadCheckpoint())) return this.leave('moved');
        const notified = this.notified;
        this.notified = false;
        readAt = Date.now();
        // Taken before the read, which returns everything below drainedBelow(horizon) (postgres-read-all.ts).
        const horizon = await this.sub.horizon();
        const snapshot = snapshotOf(horizon);
        if (notified) schedule.notified(snapshot);
        const events = await this.read(horizon);
        const plan = batchRetryPlan(events, this.failing, this.sub.maxAttempts);
        if (plan.kind === 'before-failing') {
          // Still failing: the failure count goes on, and the failing event, now first, is read again at once.
          if (!(await this.handleBatch(events.slice(0, plan.count)))) return this.leave('moved');
          continue;
        }
        if (plan.kind === 'failing-alone') {
          if (!(await this.handleFailingAlone(events[0], plan.park))) return this.leave('moved');
          this.clearFailures();
          retryDelay = retry.min;
          // Only the failing event was handled (or parked): read the rest from the new checkpoint.
          continue;
        }
        if (events.length > 0 && !(await this.handleBatch(events))) return this.leave('moved');
        this.clearFailures();
        retryDelay = retry.min;
        if (events.length >= batchSize) continue;
        this.drainedAt = snapshot.xmin;
        this.sub.checkWaiters();
        const sleep = schedule.next(snapshot, events.length > 0);
        await this.signal.wait(sleep.ms);
        if (sleep.idle) this.notified = true;
        const spacing = readAt + minReadInterval - Date.now();
        if (spacing > 0) await this.pause(spacing);
      } catch (error) {
        if (this.sub.isFatal()) return;
        this.failedAttempts++;
        if (this.failingEvent) this.failing = failedOn(this.failing, this.failingEvent.id);
        this.sub.report(error, this.index, { attempts: this.failedAttempts, event: this.failingEvent });
        this.failingEvent = null;
        this.verify = true;
        await this.pause(retryDelay);
        retryDelay = Math.min(retryDelay * 2, retry.max);
      }
    }
  }

  /** Loads the checkpoint the first time, and again after a failure; false if it moved under this replica. */
  private async loadCheckpoint(): Promise<boolean> {
    if (this.checkpoint && !this.verify) return true;
    const stored = await this.sub.checkpoints.load(this.sub.runner, this.index);
    if (this.checkpoint && comparePositions(stored, this.checkpoint) !== 0) return false;
    this.checkpoint = stored;
    this.verify = false;
    return true;
  }

  private read(horizon: AppendHorizon): Promise<RecordedEvent[]> {
    return this.sub.store.readLog({ fromPosition: this.checkpoint ?? START, maxCount: this.sub.batchSize, filter: this.sub.filterFor(this.index) }, horizon);
  }

  /** Handler and checkpoint in one transaction; false when the compare-and-set lost (nothing was committed). */
  private async handleBatch(events: readonly RecordedEvent[]): Promise<boolean> {
    const from = this.checkpoint as Position;
    const to = events[events.length - 1].position;
    const { handle } = this.sub.options;
    let threw: RecordedEvent | null = null;
    // Remembers the first event whose handler threw, so that the failure names it (with concurrency, the first to fail).
    const watched = async (event: RecordedEvent, tx: Tx & SqlTransaction): Promise<void> => {
      try {
        await handle(event, tx);
      } catch (e) {
        threw ??= event;
        throw e;
      }
    };
    try {
      await this.sub.runner.inTransaction(async (tx) => {
        await handleBatch(events, watched, tx, this.sub.concurrency);
        if (!(await this.sub.checkpoints.save(tx, this.index, from, to))) throw new CheckpointMoved();
      });
    } catch (e) {
      if (e instanceof CheckpointMoved) return false;
      this.failingEvent = failingEventOf(threw);
      throw e;
    }
    this.checkpoint = to;
    this.sub.handled += events.length;
    return true;
  }

  /**
   * The event the handler threw on, alone in a transaction with the checkpoint. If it throws again and `park`, it is
   * parked (its row and the checkpoint past it in one transaction); otherwise the failure is thrown, one more
   * attempt. False when a checkpoint compare-and-set lost. A failure that is not the handler's (the connection, the
   * checkpoint) is thrown: it parks nothing.
   */
  private async handleFailingAlone(event: RecordedEvent, park: boolean): Promise<boolean> {
    try {
      return await this.handleBatch([event]);
    } catch (e) {
      if (!park || !this.failingEvent) throw e;
      return this.park(event, e);
    }
  }

  private async park(event: RecordedEvent, error: unknown): Promise<boolean> {
    const from = this.checkpoint as Position;
    const failing = failingEventOf(event) as FailingEvent;
    const attempts = (this.failing?.attempts ?? 0) + 1;
    try {
      await this.sub.runner.inTransaction(async (tx) => {
        await insertParkedEvent(tx, { subscription: this.sub.options.name, partition: this.index, event: failing, errorMessage: errorMessageOf(error), attempts });
        if (!(await this.sub.checkpoints.save(tx, this.index, from, event.position))) throw new CheckpointMoved();
      });
    } catch (e) {
      if (e instanceof CheckpointMoved) return false;
      throw e;
    }
    this.checkpoint = event.position;
    this.failingEvent = null;
    this.sub.parked({ partition: this.index, event: failing, error, attempts });
    return true;
  }

  private clearFailures(): void {
    if (this.failedAttempts === 0) return;
    this.failedAttempts = 0;
    this.failingEvent = null;
    this.failing = null;
    this.sub.recovered(this.index);
  }

  /** Waits out a retry delay; only leaving cuts it short (notifications must not turn it into a hot loop). */
  private async pause(ms: number): Promise<void> {
    const until = Date.now() + ms;
    while (!this.leaving && Date.now() < until) await this.signal.wait(until - Date.now());
  }
}

function failingEventOf(event: RecordedEvent | null): FailingEvent | null {
  return event && { id: event.id, type: event.type, streamId: event.streamId, position: event.position };
}
