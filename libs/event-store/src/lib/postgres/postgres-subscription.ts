// Durable subscriptions on PostgreSQL with competing consumers. Why each part exists:
// - Per partition, one loop (postgres-partition-worker.ts) reads `readAll` from its checkpoint and hands each batch
//   to the handler in one transaction that also moves the checkpoint by compare-and-set (postgres-checkpoints.ts).
// - The read (readLogAfter) only returns events below a transaction-id watermark that only transactions inserting
//   events hold back (schema/005-appender-watermark.sql), so a notification can arrive before its event is
//   readable: after one, the loop re-polls with a short back-off until every appender that was running when it
//   looked has ended, then sleeps on LISTEN again (postgres-wakeup.ts).
// - Partitions are session advisory locks shared by the replicas of a name, balanced to ceil(N / live replicas)
//   each on a periodic tick (postgres-partition-leases.ts).
// - A failed batch is retried with a back-off: the events before the one the handler threw on are committed as a
//   batch, that one is retried alone, forever by default; with `maxAttempts` it is parked once it failed that often
//   (batch-retry.ts, postgres-parked-events.ts: the parked row and the checkpoint past it in one transaction).
// This file is the replica (leases, rebalancing, caught-up waiters, callbacks); each held partition's loop is a
// PartitionWorker (postgres-partition-worker.ts), which sees the replica only through PartitionHost; the options and
// what a replica gives back are in postgres-subscription-options.ts.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Pool } from 'pg';
import type { EventFilter } from '../event-store.port';
import type { Position } from '../recorded-event';
import { batchConcurrency } from '../handle-batch';
import { maxAttemptsOption } from '../batch-retry';
import type { BatchFailure, ParkedEvent, SqlTransaction, SubscriptionStatus, TransactionRunner } from '../subscription';
import { lagBehind, PostgresCheckpoints, type CheckpointLag } from './postgres-checkpoints';
import { balanceTarget, PartitionLeases, preferenceOrder } from './postgres-partition-leases';
import { PartitionWorker, type PartitionHost } from './postgres-partition-worker';
import { PoolTransactionRunner } from './postgres-transactions';
import type { AppendHorizon } from './postgres-read-all';
import { reservePoolConnections } from './postgres-pool-reserve';
import { SharedAppendHorizon } from './postgres-shared-horizon';
import type { LogSource, PostgresRunningSubscription, PostgresSubscriptionOptions } from './postgres-subscription-options';
import { SharedAppendListener } from './postgres-wakeup';

export type { LogSource, PostgresRunningSubscription, PostgresSubscriptionOptions, PostgresSubscriptionTuning } from './postgres-subscription-options';

interface Waiter {
  readonly target: bigint;
  readonly resolve: () => void;
  readonly reject: (e: Error) => void;
}

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

class PostgresSubscription<Tx> implements PostgresRunningSubscription, PartitionHost<Tx> {
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
