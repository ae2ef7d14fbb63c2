/**
 * What an event-sourced service imports besides PlatformModule: the event store the configuration names
 * (EVENT_STORE), its read-model database (TypeORM, when the service has read models), durable subscriptions and,
 * on signing instances, the integrity checkpointer. Needs DATABASE_URL: read models and checkpoints live in
 * PostgreSQL whichever event store is chosen.
 *
 *   @Module({ imports: [PlatformModule, EventSourcingModule.forService({ readModels: { schema, entities } })] })
 */
import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { createEventStore, type EventStore } from '@ics2/event-store';
import type { PlatformRuntime } from '../bootstrap/platform-runtime';
import { PLATFORM_RUNTIME } from '../platform.tokens';
import { ReadModelDatabase, type ReadModelSettings } from '../read-models/read-model-database';
import { AccessLog } from '../audit/access-log';
import { EVENT_STORE } from './event-sourcing.tokens';
import { InstrumentedEventStore } from './instrumented-event-store';
import { IntegrityCheckpointer } from './integrity-checkpointer';
import { Subscriptions } from './subscriptions';

export interface EventSourcingOptions {
  readonly readModels?: ReadModelSettings;
}

function databaseUrl(runtime: PlatformRuntime): string {
  const url = runtime.config.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: an event-sourced service needs PostgreSQL (read models, checkpoints)');
  return url;
}

function createStore(runtime: PlatformRuntime): EventStore {
  const url = databaseUrl(runtime);
  const { config } = runtime;
  const limit = config.EVENT_STORE_MAX_APPEND_BYTES === undefined ? {} : { maxAppendBytes: config.EVENT_STORE_MAX_APPEND_BYTES };
  const inner = createEventStore(
    config.EVENT_STORE === 'kurrentdb'
      ? // The platform config guarantees KURRENTDB_URL with EVENT_STORE=kurrentdb.
        { kind: 'kurrentdb', connectionString: config.KURRENTDB_URL as string, checkpointDatabaseUrl: url, ...limit }
      : { kind: 'postgres', connectionString: url, poolSize: config.EVENT_STORE_POOL_MAX, ...limit },
  );
  const store = new InstrumentedEventStore(inner, runtime.metrics);
  // PostgreSQL's store is on DATABASE_URL, which the 'database' check pings; KurrentDB is a server of its own, and
  // with it down nothing can be appended or read while the database alone said ready.
  if (config.EVENT_STORE === 'kurrentdb') runtime.readiness.register('event store', () => inner.readStream(READINESS_STREAM, { maxCount: 1 }));
  // After the doors and the subscriptions: nothing appends or reads any more.
  runtime.shutdown.register('event store', () => store.close(), { phase: 'close' });
  return store;
}

/** A stream nobody writes: reading it is one round trip to the server, answered empty. */
const READINESS_STREAM = 'readiness-probe';

async function connectReadModels(runtime: PlatformRuntime, settings: ReadModelSettings): Promise<ReadModelDatabase> {
  const db = await ReadModelDatabase.connect(databaseUrl(runtime), settings, {
    poolMax: runtime.config.DATABASE_POOL_MAX,
    applicationName: `${runtime.serviceName}.read-models`,
  });
  runtime.readiness.register('read models', () => db.ping());
  runtime.shutdown.register('read models', () => db.close(), { phase: 'close' });
  return db;
}

@Module({})
export class EventSourcingModule {
  static forService(options: EventSourcingOptions = {}): DynamicModule {
    const providers: Provider[] = [
      { provide: EVENT_STORE, useFactory: createStore, inject: [PLATFORM_RUNTIME] },
      Subscriptions,
      IntegrityCheckpointer,
      AccessLog,
    ];
    if (options.readModels) {
      const settings = options.readModels;
      providers.push({ provide: ReadModelDatabase, useFactory: (r: PlatformRuntime) => connectReadModels(r, settings), inject: [PLATFORM_RUNTIME] });
    }
    return {
      module: EventSourcingModule,
      global: true,
      providers,
      exports: providers.map((p) => (typeof p === 'function' ? p : p.provide)),
    };
  }
}
