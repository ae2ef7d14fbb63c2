import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { someEvents } from '../contract/contract-fixtures';
import { describeSubscriptionContract } from '../contract/subscription.contract';
import { PoolTransactionRunner } from '../postgres/postgres-transactions';
import type { SqlTransaction } from '../subscription';
import { FakeKurrent } from './kurrentdb-client.fake';
import { KurrentDbEventStore } from './kurrentdb-event-store';
import { freshCheckpointDatabase, type CheckpointDatabase } from './kurrentdb-test-database';

// The subscription contract on the adapter with real PostgreSQL (handler transactions, checkpoints, processed
// revisions) and the Kurrent client faked at its edge, for machines without a server. It checks the adapter's
// batching, checkpointing, retries, stop and competing-consumer bookkeeping, not Kurrent's delivery itself:
// kurrentdb-event-store.int.spec.ts runs the same contract on a real server.
describeSubscriptionContract('KurrentDB adapter on a faked client', async () => {
  const db = await freshCheckpointDatabase();
  const pool = new Pool({ connectionString: db.appUrl, max: 8 });
  const admin = new Pool({ connectionString: db.adminUrl, max: 2 });
  const store = new KurrentDbEventStore({
    client: new FakeKurrent().client,
    subscriptions: { transactions: new PoolTransactionRunner(pool), close: () => pool.end() },
  });
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

describe('KurrentDB competing consumers on a faked client: exactly-once effect', () => {
  let db: CheckpointDatabase;
  let pool: Pool;
  let admin: Pool;
  let kurrent: FakeKurrent;
  let store: KurrentDbEventStore;

  beforeAll(async () => {
    db = await freshCheckpointDatabase();
    pool = new Pool({ connectionString: db.appUrl, max: 4 });
    admin = new Pool({ connectionString: db.adminUrl, max: 2 });
  });
  beforeEach(() => {
    kurrent = new FakeKurrent();
    store = new KurrentDbEventStore({ client: kurrent.client, subscriptions: { transactions: new PoolTransactionRunner(pool), close: async () => undefined } });
  });
  afterAll(async () => {
    await pool.end();
    await admin.end();
    await db.drop();
  });

  async function handledTable(): Promise<string> {
    const table = `handled_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    await admin.query(`CREATE TABLE ${table} (seq serial PRIMARY KEY, stream_id text NOT NULL, revision int NOT NULL)`);
    await admin.query(`GRANT ALL ON ${table} TO PUBLIC`);
    await admin.query(`GRANT ALL ON SEQUENCE ${table}_seq_seq TO PUBLIC`);
    return table;
  }
  const rows = async (table: string) =>
    (await admin.query<{ stream_id: string; revision: number }>(`SELECT stream_id, revision FROM ${table} ORDER BY seq`)).rows.map(
      (r) => `${r.stream_id}@${r.revision}`,
    );

  it('holds back the later events of a stream while an earlier one is retried, then handles each once, in order', async () => {
    const table = await handledTable();
    await store.append('ens-a', someEvents(3), 'no-stream');
    let failFirst = true;
    const errors: unknown[] = [];
    const sub = await store.subscribe<SqlTransaction>({
      name: `cc.${randomUUID().slice(0, 8)}`,
      filter: { categories: ['ens'] },
      partitions: 2,
      onError: (e) => errors.push(e),
      handle: async (e, tx) => {
        if (failFirst && e.revision === 0) {
          failFirst = false;
          throw new Error('fails once on purpose');
        }
        await tx.query(`INSERT INTO ${table} (stream_id, revision) VALUES ($1, $2)`, [e.streamId, e.revision]);
      },
    });
    await sub.caughtUp();
    await sub.stop();
    expect(errors).toHaveLength(1);
    expect(await rows(table)).toEqual(['ens-a@0', 'ens-a@1', 'ens-a@2']);
  });

  it('acknowledges redelivered events without handling them again', async () => {
    const table = await handledTable();
    const name = `cc.${randomUUID().slice(0, 8)}`;
    await store.append('ens-b', someEvents(2), 'no-stream');
    await store.append('ens-c', someEvents(1), 'no-stream');
    const sub = await store.subscribe<SqlTransaction>({
      name,
      filter: { categories: ['ens'] },
      partitions: 2,
      handle: async (e, tx) => void (await tx.query(`INSERT INTO ${table} (stream_id, revision) VALUES ($1, $2)`, [e.streamId, e.revision])),
    });
    await sub.caughtUp();
    // The server lost its checkpoint (or the acks): everything comes again.
    kurrent.group(name).rewind();
    await store.append('ens-c', someEvents(1), 0);
    await sub.caughtUp();
    await sub.stop();
    expect(await rows(table)).toEqual(['ens-b@0', 'ens-b@1', 'ens-c@0', 'ens-c@1']);
    expect(sub.status().handled).toBe(4);
  });

  it('refuses maxAttempts: parking poison events is the PostgreSQL subscription\'s, and retrying forever instead would hide that', async () => {
    await expect(store.subscribe({ name: `test.parking-${randomUUID().slice(0, 8)}`, maxAttempts: 3, handle: async () => undefined })).rejects.toThrow(
      'maxAttempts (parking poison events) is not supported by the KurrentDB subscription',
    );
  });
});
