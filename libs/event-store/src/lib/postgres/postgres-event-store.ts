import { Pool } from 'pg';
import { checkMaxAppendBytes } from '../append-size';
import type { AppendResult, EventStore, ReadAllOptions, ReadStreamOptions } from '../event-store.port';
import type { ExpectedRevision } from '../expected-revision';
import { categoryOf, type EventToAppend, type RecordedEvent } from '../recorded-event';
import type { RunningSubscription, SubscriptionOptions } from '../subscription';
import { appendToStream } from './postgres-append';
import { toStoreError } from './postgres-errors';
import { AppendNotifier } from './postgres-notify';
import { readAllEvents, readLogAfter, type AppendHorizon } from './postgres-read-all';
import { readStreamEvents } from './postgres-read-stream';
import { startPostgresSubscription } from './postgres-subscription';

export interface PostgresEventStoreConfig {
  /** Use the application role's login (member of APP_ROLE), never the schema owner's. */
  readonly connectionString: string;
  /** Connections of the pool this store creates. Default 10 (node-postgres' default). */
  readonly poolSize?: number;
}

export interface PostgresEventStoreOptions {
  /**
   * The largest append taken, in bytes as append-size.ts counts it; a larger one throws AppendTooLargeError and
   * writes nothing. Default: none (null), since a filing of 99,999 houses makes one event of several megabytes,
   * above KurrentDB's default of 1 MiB (README, "Append size"). Set it to KurrentDB's to refuse what it would.
   */
  readonly maxAppendBytes?: number | null;
}

/**
 * The EventStore port on PostgreSQL (schema `event_store`, see schema/*.sql and migrateEventStore). Append is in
 * postgres-append.ts, the global log's read in postgres-read-all.ts, subscriptions in postgres-subscription.ts.
 */
export class PostgresEventStore implements EventStore {
  private readonly connections: Pool;
  private readonly ownsPool: boolean;
  private readonly notifier: AppendNotifier;
  private readonly maxAppendBytes: number | null;

  /** Give it a pool to share (it is then left open by close()), or a connection string to have one made. */
  constructor(poolOrConfig: Pool | PostgresEventStoreConfig, options: PostgresEventStoreOptions = {}) {
    this.maxAppendBytes = checkMaxAppendBytes(options.maxAppendBytes ?? null);
    if (isPool(poolOrConfig)) {
      this.connections = poolOrConfig;
      this.ownsPool = false;
    } else {
      this.connections = new Pool({ connectionString: poolOrConfig.connectionString, max: poolOrConfig.poolSize ?? 10 });
      // An idle pooled connection that drops emits 'error' on the pool; unheard, it would end the process. The pool
      // replaces the connection and the next query reports any lasting failure.
      this.connections.on('error', () => undefined);
      this.ownsPool = true;
    }
    this.notifier = new AppendNotifier(this.connections);
  }

  /** The store's pool: subscriptions run their transactions, leases and LISTEN on it. */
  get pool(): Pool {
    return this.connections;
  }

  async append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    const result = await appendToStream(this.connections, streamId, events, expected, { notify: 'none', maxAppendBytes: this.maxAppendBytes }).catch(rethrow);
    if (!result.replayed && result.lastRevision >= result.firstRevision) this.notifier.appended(categoryOf(streamId));
    return result;
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return readStreamEvents(this.connections, streamId, options).catch(rethrow);
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return readAllEvents(this.connections, options).catch(rethrow);
  }

  /** The subscriptions' read: waits only for appenders (postgres-read-all.ts, readLogAfter). Not part of the port. */
  readLog(options: ReadAllOptions, horizon: AppendHorizon): Promise<RecordedEvent[]> {
    return readLogAfter(this.connections, options, horizon).catch(rethrow);
  }

  subscribe<Tx>(options: SubscriptionOptions<Tx>): Promise<RunningSubscription> {
    return startPostgresSubscription(this, this.connections, options);
  }

  async close(): Promise<void> {
    await this.notifier.settled();
    if (this.ownsPool && !this.connections.ending) await this.connections.end();
  }
}

// Not instanceof: a pool from another copy of `pg` in node_modules is just as good.
function isPool(x: Pool | PostgresEventStoreConfig): x is Pool {
  return typeof (x as Pool).connect === 'function' && typeof (x as Pool).query === 'function';
}

function rethrow(error: unknown): never {
  throw toStoreError(error);
}
