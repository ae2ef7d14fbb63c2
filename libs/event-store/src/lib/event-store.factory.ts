import type { EventStore } from './event-store.port';
import { KurrentDbEventStore } from './kurrentdb/kurrentdb-event-store';
import { PostgresEventStore } from './postgres/postgres-event-store';

/** The largest append the store takes (append-size.ts); absent: the adapter's default (README, "Append size"). */
interface AppendLimit {
  readonly maxAppendBytes?: number | null;
}

export type EventStoreConfig =
  | ({ readonly kind: 'postgres'; readonly connectionString: string; readonly poolSize?: number } & AppendLimit)
  | ({
      readonly kind: 'kurrentdb';
      readonly connectionString: string;
      /** PostgreSQL of the read models: subscriptions run their handlers and keep their checkpoints there. */
      readonly checkpointDatabaseUrl: string;
    } & AppendLimit);

/** The adapter the configuration names. Neither connects until first used. */
export function createEventStore(config: EventStoreConfig): EventStore {
  switch (config.kind) {
    case 'postgres':
      return new PostgresEventStore({ connectionString: config.connectionString, poolSize: config.poolSize }, { maxAppendBytes: config.maxAppendBytes });
    case 'kurrentdb':
      return KurrentDbEventStore.connect({
        connectionString: config.connectionString,
        checkpointDatabaseUrl: config.checkpointDatabaseUrl,
        maxAppendBytes: config.maxAppendBytes,
      });
    default: {
      const unknown: never = config;
      throw new Error(`unknown event store kind: ${(unknown as { kind: string }).kind}`);
    }
  }
}

/** Thrown for a missing or wrong setting; the message is one line naming the variable. */
export class EventStoreConfigError extends Error {
  override readonly name = 'EventStoreConfigError';
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads `EVENT_STORE` (postgres | kurrentdb, default postgres), `DATABASE_URL` (PostgreSQL: the store itself, or
 * with KurrentDB the checkpoint database) and `KURRENTDB_URL`.
 */
export function eventStoreConfigFromEnv(env: Readonly<Record<string, string | undefined>>): EventStoreConfig {
  const required = (name: string): string => {
    const value = env[name]?.trim();
    if (!value) throw new EventStoreConfigError(name, `${name} is required (EVENT_STORE=${env['EVENT_STORE'] ?? 'postgres'})`);
    return value;
  };
  const kind = env['EVENT_STORE']?.trim() || 'postgres';
  switch (kind) {
    case 'postgres':
      return { kind, connectionString: required('DATABASE_URL') };
    case 'kurrentdb':
      return { kind, connectionString: required('KURRENTDB_URL'), checkpointDatabaseUrl: required('DATABASE_URL') };
    default:
      throw new EventStoreConfigError('EVENT_STORE', `EVENT_STORE must be postgres or kurrentdb, not "${kind}"`);
  }
}
