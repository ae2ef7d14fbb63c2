import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { describeSubscriptionContract } from '../contract/subscription.contract';
import { EventStoreUnavailableError } from '../store.errors';
import { KurrentDbEventStore } from './kurrentdb-event-store';
import { freshCheckpointDatabase } from './kurrentdb-test-database';

// The port's contract on a real KurrentDB server, when KURRENTDB_URL names one (see ../../../KURRENTDB.md). Without
// it, one test shows the adapter fails fast, and says the contract did not run: no server runs on our machines.
const KURRENTDB_URL = process.env['KURRENTDB_URL'];

if (KURRENTDB_URL) {
  describeEventStoreContract('KurrentDB', async (options) => {
    const store = KurrentDbEventStore.connect({ connectionString: KURRENTDB_URL, ...options });
    // Each test writes streams of its own: the server's other data stays, and is left alone.
    return { store, cleanup: () => store.close() };
  });

  describeSubscriptionContract('KurrentDB', async () => {
    const db = await freshCheckpointDatabase();
    const admin = new Pool({ connectionString: db.adminUrl, max: 2 });
    const store = KurrentDbEventStore.connect({ connectionString: KURRENTDB_URL, checkpointDatabaseUrl: db.appUrl });
    return {
      store,
      db: { query: async <Row>(sql: string, params?: readonly unknown[]) => (await admin.query(sql, params as unknown[])).rows as Row[] },
      async close() {
        await store.close();
        await admin.end();
        await db.drop();
      },
    };
  });
} else {
  describe('KurrentDB adapter without a server (KURRENTDB_URL unset)', () => {
    it('fails fast with EventStoreUnavailableError when the server cannot be reached', async () => {
      console.info(
        'KurrentDB contract suite NOT run: set KURRENTDB_URL (e.g. kurrentdb://localhost:2113?tls=false) to run it; see libs/event-store/KURRENTDB.md',
      );
      const store = KurrentDbEventStore.connect({ connectionString: 'kurrentdb://127.0.0.1:1?tls=false' });
      const started = Date.now();
      try {
        const event = {
          id: randomUUID(),
          type: 'ProbeRecorded',
          data: {},
          metadata: { schemaVersion: 1, occurredAt: '2025-01-01T00:00:00.000Z', correlationId: 'probe', causationId: null, actor: { kind: 'system', component: 'test' } },
        } as const;
        await expect(store.append('probe-1', [event], 'no-stream')).rejects.toBeInstanceOf(EventStoreUnavailableError);
        await expect(store.readStream('probe-1')).rejects.toBeInstanceOf(EventStoreUnavailableError);
        await expect(store.readAll({ maxCount: 1 })).rejects.toBeInstanceOf(EventStoreUnavailableError);
        // Fast: the client's connection attempt is refused at once, nothing waits for a deadline.
        expect(Date.now() - started).toBeLessThan(5_000);
      } finally {
        await store.close();
      }
    });
  });
}
