import type { EventFilter } from './event-store.port';
import type { Position, RecordedEvent } from './recorded-event';

/**
 * A SQL transaction handed to a subscription handler. The subscription saves its checkpoint in this same
 * transaction, so read-model rows and the checkpoint that covers them commit together or not at all.
 */
export interface SqlTransaction {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

/** Runs a function in one database transaction; commits if it resolves, rolls back if it throws. */
export interface TransactionRunner<Tx extends SqlTransaction = SqlTransaction> {
  inTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
}

export interface SubscriptionOptions<Tx = SqlTransaction> {
  /** Stable name `<service>.<purpose>`: the key of the durable checkpoint. */
  readonly name: string;
  readonly filter?: Omit<EventFilter, 'partition'>;
  /**
   * Handles one event inside the batch's transaction. Delivery is at-least-once across crashes; the checkpoint
   * committed with the handler's writes makes the effect exactly-once for writes made through `tx`.
   */
  readonly handle: (event: RecordedEvent, tx: Tx) => Promise<void>;
  /** Where handler writes and checkpoints go. Default: the store's own PostgreSQL database. */
  readonly transactions?: TransactionRunner<Tx & SqlTransaction>;
  /** Events per transaction during catch-up. Default 500. */
  readonly batchSize?: number;
  /**
   * Competing consumers: the subscriber's work is split into this many partitions by a stable hash of the stream
   * id. Replicas running the same name share the partitions; each partition is held by one replica at a time and
   * taken over when its holder dies. Per-stream order is kept because a stream never changes partition.
   * Default 1. Every replica of a name must use the same count.
   */
  readonly partitions?: number;
  /**
   * Streams handled at once within a batch (of each partition). Default 1: one event at a time, in log order.
   * Above 1, each stream's events still come one after the other in revision order, but events of different
   * streams may overlap and finish in any order, as they do across partitions: for handlers that wait on round
   * trips of their own (reads, appends). Changing it keeps the checkpoints, unlike changing `partitions`.
   */
  readonly concurrency?: number;
  /**
   * Opt-in parking of poison events (PostgreSQL adapter). When the handler throws on an event of a batch, the events
   * before it are committed as a batch of their own (with the checkpoint) and that event is retried alone; once the
   * handler has thrown on it this many times in a row, its next failure parks it: a row in
   * `event_store.parked_events`, written in the transaction that moves the checkpoint past it, and `onParked`. The
   * events after it are then handled. Only the handler's failures on that event count (not a failed read,
   * checkpoint or connection). Default unset: the events before it are still committed, and it is retried alone
   * forever, because a projection that skipped an event no longer equals a replay of the log; opt in only where a
   * wrong row is better than a stuck read model (and someone watches the parked events).
   */
  readonly maxAttempts?: number;
  /** Called after an event was parked (its row and the checkpoint past it committed). */
  readonly onParked?: (parked: ParkedEvent) => void;
  /** Identifies this replica in leases and logs. Default: hostname + pid + random suffix. */
  readonly consumerId?: string;
  /**
   * Called when a batch fails; the batch is retried after a back-off. Default: ignore. `failure` (PostgreSQL adapter)
   * says how many times in a row the partition has failed and at which event the handler threw, so that a batch
   * stuck on one event is visible as such and not only as a repeated log line.
   */
  readonly onError?: (error: unknown, partition: number, failure?: BatchFailure) => void;
  /**
   * Called when a partition that had failed commits a batch again (the events before a failing one, committed on
   * their own with `maxAttempts`, do not count: it is still stuck), or when this replica gives it up while failing
   * (another replica counts its own attempts from then on): its consecutive failures are back to 0.
   */
  readonly onRecovered?: (partition: number) => void;
}

/** The event whose handler threw in a failed batch. */
export interface FailingEvent {
  readonly id: string;
  readonly type: string;
  readonly streamId: string;
  readonly position: Position;
}

/** An event a subscription skipped: its handler threw on it alone after it had failed `maxAttempts` times. */
export interface ParkedEvent {
  readonly partition: number;
  readonly event: FailingEvent;
  readonly error: unknown;
  /** Failed attempts on the event in a row: in its batch, alone, and the one that parked it. */
  readonly attempts: number;
}

/** A partition's run of failed batches, as reported with each failure. */
export interface BatchFailure {
  /** Consecutive failed attempts of this partition, this one included. */
  readonly attempts: number;
  /** Where the handler threw; null when something else failed (the read, the checkpoint, the connection). */
  readonly event: FailingEvent | null;
}

export interface SubscriptionStatus {
  readonly name: string;
  readonly consumerId: string;
  /** Partitions this replica holds right now, with their checkpoints. */
  readonly partitions: readonly { readonly index: number; readonly checkpoint: Position | null }[];
  /** Events handled by this replica since it started. */
  readonly handled: number;
}

export interface RunningSubscription {
  /** Resolves once every held partition has caught up with the log as it was when this is called. */
  caughtUp(): Promise<void>;
  status(): SubscriptionStatus;
  /** Finishes the current batch, commits its checkpoint, releases leases. */
  stop(): Promise<void>;
}

export type { RecordedEvent };
