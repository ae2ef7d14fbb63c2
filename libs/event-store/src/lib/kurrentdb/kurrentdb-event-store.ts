import { Pool } from 'pg';
import { checkMaxAppendBytes } from '../append-size';
import type { AppendResult, EventStore, ReadAllOptions, ReadStreamOptions } from '../event-store.port';
import type { ExpectedRevision } from '../expected-revision';
import type { EventToAppend, RecordedEvent } from '../recorded-event';
import { PoolTransactionRunner } from '../postgres/postgres-transactions';
import { checkReadAll, checkReadStream } from '../read-rules';
import type { RunningSubscription, SubscriptionOptions } from '../subscription';
import { appendToKurrent, KURRENTDB_DEFAULT_MAX_APPEND_SIZE, type Clock } from './kurrentdb-append';
import { connectKurrent, type KurrentClient } from './kurrentdb-client';
import { readLogEvents, readStreamEvents } from './kurrentdb-read';
import { startKurrentSubscription, type SubscriptionBackend } from './kurrentdb-subscription';

export interface KurrentDbEventStoreOptions {
  readonly client: KurrentClient;
  /**
   * Where subscriptions keep their checkpoints and run handlers' transactions: PostgreSQL, next to the read
   * models (KurrentDB has no transaction a read model could join). Absent: `subscribe` is refused.
   */
  readonly subscriptions?: SubscriptionBackend;
  /** recordedAt comes from here (see kurrentdb-append.ts). Default: the system clock. */
  readonly clock?: Clock;
  /**
   * The largest append taken, in bytes as append-size.ts counts it; a larger one throws AppendTooLargeError before
   * anything is sent. Default: the server's default MaxAppendSize (1,048,576); set it to the server's own when that
   * is raised (at most 16 MB), or null to leave the refusal to the server (mapped to the same error).
   */
  readonly maxAppendBytes?: number | null;
}

/** The EventStore port on KurrentDB / EventStoreDB 22+ (see KURRENTDB.md for what differs from PostgreSQL). */
export class KurrentDbEventStore implements EventStore {
  private readonly client: KurrentClient;
  private readonly clock: Clock;
  private readonly maxAppendBytes: number | null;

  constructor(private readonly options: KurrentDbEventStoreOptions) {
    this.client = options.client;
    this.clock = options.clock ?? (() => new Date());
    this.maxAppendBytes = checkMaxAppendBytes(options.maxAppendBytes === undefined ? KURRENTDB_DEFAULT_MAX_APPEND_SIZE : options.maxAppendBytes);
  }

  /**
   * Connects lazily: the first call reaches the server and fails fast with EventStoreUnavailableError when it
   * cannot. `checkpointDatabaseUrl`: the PostgreSQL database of the read models, where subscriptions commit.
   */
  static connect(config: {
    connectionString: string;
    checkpointDatabaseUrl?: string;
    clock?: Clock;
    maxAppendBytes?: number | null;
  }): KurrentDbEventStore {
    const pool = config.checkpointDatabaseUrl ? new Pool({ connectionString: config.checkpointDatabaseUrl }) : null;
    // An idle pooled connection that drops emits 'error' on the pool; unheard, it would end the process. The pool
    // replaces it, and the next transaction sees any lasting failure.
    pool?.on('error', () => undefined);
    return new KurrentDbEventStore({
      client: connectKurrent(config.connectionString),
      clock: config.clock,
      maxAppendBytes: config.maxAppendBytes,
      subscriptions: pool ? { transactions: new PoolTransactionRunner(pool), close: () => pool.end() } : undefined,
    });
  }

  append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    return appendToKurrent(this.client, this.clock, streamId, events, expected, this.maxAppendBytes);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    // A stream id no append can write, or options no store can honour, are refused as the PostgreSQL adapter does.
    checkReadStream(streamId, options);
    const { asOf, maxCount, fromRevision, direction } = options;
    if (!asOf) return readStreamEvents(this.client, streamId, { fromRevision, direction, maxCount });
    // recordedAt lives in the metadata, so the instant is applied here; maxCount counts what survives it.
    const events = await readStreamEvents(this.client, streamId, { fromRevision, direction });
    const asOfMs = asOf.getTime();
    const visible = events.filter((e) => Date.parse(e.recordedAt) <= asOfMs);
    return maxCount === undefined ? visible : visible.slice(0, maxCount);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    checkReadAll(options);
    return readLogEvents(this.client, { after: options.fromPosition, maxCount: options.maxCount, filter: options.filter });
  }

  subscribe<Tx>(options: SubscriptionOptions<Tx>): Promise<RunningSubscription> {
    const backend = this.options.subscriptions;
    if (!backend) return Promise.reject(new Error('KurrentDbEventStore: subscriptions need a PostgreSQL checkpoint database'));
    return startKurrentSubscription(this.client, backend, options);
  }

  async close(): Promise<void> {
    await this.options.subscriptions?.close();
    await this.client.dispose();
  }
}
