// What a PostgreSQL subscription takes beyond the port's options, and what it gives back: shared by the replica
// (postgres-subscription.ts) and its partition loops (postgres-partition-worker.ts).
import type { ReadAllOptions } from '../event-store.port';
import type { RecordedEvent } from '../recorded-event';
import type { RunningSubscription, SqlTransaction, SubscriptionOptions } from '../subscription';
import type { CheckpointLag } from './postgres-checkpoints';
import type { AppendHorizon } from './postgres-read-all';

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
