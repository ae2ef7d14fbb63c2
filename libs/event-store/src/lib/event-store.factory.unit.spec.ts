import { anEventOfSize, aStream } from './contract/contract-fixtures';
import { createEventStore, EventStoreConfigError, eventStoreConfigFromEnv, type EventStoreConfig } from './event-store.factory';
import { AppendTooLargeError } from './store.errors';

describe('event store configuration', () => {
  it('defaults to PostgreSQL on DATABASE_URL', () => {
    expect(eventStoreConfigFromEnv({ DATABASE_URL: 'postgres://app@db/ics2' })).toEqual({
      kind: 'postgres',
      connectionString: 'postgres://app@db/ics2',
    });
  });

  it('selects KurrentDB, keeping checkpoints in the PostgreSQL of DATABASE_URL', () => {
    const env = { EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'kurrentdb://k:2113?tls=false', DATABASE_URL: 'postgres://app@db/ics2' };
    expect(eventStoreConfigFromEnv(env)).toEqual({
      kind: 'kurrentdb',
      connectionString: 'kurrentdb://k:2113?tls=false',
      checkpointDatabaseUrl: 'postgres://app@db/ics2',
    });
  });

  it.each([
    [{ EVENT_STORE: 'kurrentdb', DATABASE_URL: 'postgres://x' }, 'KURRENTDB_URL'],
    [{ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'kurrentdb://k' }, 'DATABASE_URL'],
    [{}, 'DATABASE_URL'],
    [{ EVENT_STORE: 'mongo', DATABASE_URL: 'postgres://x' }, 'EVENT_STORE'],
  ])('refuses %p, naming %s', (env, variable) => {
    const error = (() => {
      try {
        return eventStoreConfigFromEnv(env);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(EventStoreConfigError);
    expect(error).toMatchObject({ variable });
  });

  it.each<[string, EventStoreConfig]>([
    ['PostgreSQL', { kind: 'postgres', connectionString: 'postgres://nobody@127.0.0.1:1/none', maxAppendBytes: 10_000 }],
    ['KurrentDB', { kind: 'kurrentdb', connectionString: 'kurrentdb://127.0.0.1:1?tls=false', checkpointDatabaseUrl: 'postgres://nobody@127.0.0.1:1/none', maxAppendBytes: 10_000 }],
  ])('gives %s the largest append configured: a larger one is refused before the store is reached', async (_kind, config) => {
    const store = createEventStore(config);
    try {
      await expect(store.append(aStream(), [anEventOfSize(10_001)], 'any')).rejects.toBeInstanceOf(AppendTooLargeError);
    } finally {
      await store.close();
    }
  });
});
