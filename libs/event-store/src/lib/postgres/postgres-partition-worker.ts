// The loop of one partition a replica holds: read a batch from the checkpoint, hand it to the handler in one
// transaction that also moves the checkpoint by compare-and-set (postgres-checkpoints.ts), repeat, sleep on LISTEN
// (postgres-wakeup.ts). A failed batch is retried with a back-off, as batchRetryPlan (batch-retry.ts) says; with
// `maxAttempts` it parks the poison event (postgres-parked-events.ts). What it needs of its
// replica (options, transactions, horizon, callbacks, caught-up bookkeeping) is `PartitionHost`.
import type { EventFilter } from '../event-store.port';
import { comparePositions, START, type Position, type RecordedEvent } from '../recorded-event';
import { handleBatch } from '../handle-batch';
import { batchRetryPlan, failedOn, type FailingAttempts } from '../batch-retry';
import type { BatchFailure, FailingEvent, ParkedEvent, SqlTransaction, TransactionRunner } from '../subscription';
import type { PostgresCheckpoints } from './postgres-checkpoints';
import { errorMessageOf, insertParkedEvent } from './postgres-parked-events';
import type { AppendHorizon } from './postgres-read-all';
import type { LogSource, PostgresSubscriptionOptions } from './postgres-subscription-options';
import { PollSchedule, Signal, snapshotOf } from './postgres-wakeup';

/** Why a partition loop ends. `moved`: the checkpoint moved under it, so another replica owns the partition. */
export type Leave = 'stopped' | 'released' | 'lost' | 'moved';

/** What a partition loop uses of the replica that holds the partition (PostgresSubscription). */
export interface PartitionHost<Tx> {
  readonly store: LogSource;
  readonly options: PostgresSubscriptionOptions<Tx>;
  readonly batchSize: number;
  readonly concurrency: number;
  readonly maxAttempts: number | undefined;
  readonly runner: TransactionRunner<Tx & SqlTransaction>;
  readonly checkpoints: PostgresCheckpoints;
  /** Events handled by the replica, all partitions. */
  handled: number;
  horizon(): Promise<AppendHorizon>;
  filterFor(index: number): EventFilter;
  isFatal(): boolean;
  report(error: unknown, partition: number, failure?: BatchFailure): void;
  parked(parked: ParkedEvent): void;
  recovered(partition: number): void;
  checkWaiters(): void;
}

/** Thrown inside the batch transaction to roll it back when the checkpoint compare-and-set fails. */
class CheckpointMoved extends Error {}

/** The loop of one held partition: read a batch, handle it with its checkpoint in one transaction, repeat, sleep. */
export class PartitionWorker<Tx> {
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
    private readonly sub: PartitionHost<Tx>,
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
