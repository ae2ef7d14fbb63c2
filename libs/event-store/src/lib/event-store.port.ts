import type { ExpectedRevision } from './expected-revision';
import type { EventToAppend, Position, RecordedEvent } from './recorded-event';
import type { RunningSubscription, SubscriptionOptions } from './subscription';

export interface AppendResult {
  readonly streamId: string;
  /** Revision of the first event this append wrote (or, for a replayed append, had written). */
  readonly firstRevision: number;
  /** Revision of the last event: the `expected` for the caller's next append. */
  readonly lastRevision: number;
  /** Log position of the last event written. */
  readonly position: Position;
  /** True when every id had already been appended by an identical earlier call and nothing was written now. */
  readonly replayed: boolean;
}

export interface ReadStreamOptions {
  /** Start here (inclusive). Default: the first event forwards, the last event backwards. */
  readonly fromRevision?: number;
  readonly direction?: 'forwards' | 'backwards';
  readonly maxCount?: number;
  /** The stream as it was at this instant: only events recorded at or before it. */
  readonly asOf?: Date;
}

/** Which events a reader wants. Empty lists mean "all". */
export interface EventFilter {
  /** Stream categories, the part before the first dash of the stream id (`ens`, `risk`, ...). */
  readonly categories?: readonly string[];
  readonly eventTypes?: readonly string[];
  /** Only streams whose partition (stable hash of the stream id, modulo `count`) is `index`. */
  readonly partition?: { readonly index: number; readonly count: number };
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. Default: the start of the log. */
  readonly fromPosition?: Position;
  readonly maxCount?: number;
  readonly filter?: EventFilter;
}

/**
 * The event store port. Every adapter passes the same contract suite (`contract/event-store.contract.ts`).
 * Streams are append-only: nothing here can change or remove a recorded event.
 */
export interface EventStore {
  /**
   * Appends all events atomically, or none. Throws WrongExpectedRevisionError (carrying the actual revision) when
   * `expected` does not hold. Re-appending the same event ids to the same stream returns the original result and
   * writes nothing; ids seen before in any other combination throw IdempotencyConflictError.
   */
  append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult>;

  /** Events of one stream in revision order (or reversed). An unknown stream reads as empty. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;

  /**
   * The global log in position order, from after `fromPosition`. Only returns a prefix of the log that can no longer
   * change: an event is returned only when no event can commit later at an earlier position.
   */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;

  /** Catch-up from the subscriber's durable checkpoint, then live. See SubscriptionOptions. */
  subscribe<Tx>(options: SubscriptionOptions<Tx>): Promise<RunningSubscription>;

  /** Releases connections. Running subscriptions must be stopped first. */
  close(): Promise<void>;
}
