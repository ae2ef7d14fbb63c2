import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
// Spec-only cycle: libs/testing builds its databases with this library's migrations; nothing ships it.
import { eventually, freshDatabase, type FreshDatabase } from '../../testing';
import { describeSubscriptionContract } from '../contract/subscription.contract';
import type { EventToAppend } from '../recorded-event';
import { PartitionCountMismatchError } from './postgres-checkpoints';
import { leaseKey } from './postgres-partition-leases';
import { PostgresEventStore } from './postgres-event-store';
import { startPostgresSubscription } from './postgres-subscription';
import { PoolTransactionRunner } from './postgres-transactions';

function sqlOf(pool: Pool) {
  return { query: async <Row>(sql: string, params?: readonly unknown[]) => (await pool.query(sql, params as unknown[])).rows as Row[] };
}

describeSubscriptionContract('PostgreSQL', async () => {
  const db = await freshDatabase('sub');
  const store = new PostgresEventStore({ connectionString: db.appUrl });
  const admin = new Pool({ connectionString: db.adminUrl, max: 2 });
  return {
    store,
    db: sqlOf(admin),
    async close() {
      await store.close();
      await admin.end();
      await db.drop();
    },
  };
});

const DATABASE = '(SELECT oid FROM pg_database WHERE datname = current_database())';

const event = (): EventToAppend => ({
  id: randomUUID(),
  type: 'SubscriptionProbeRecorded',
  data: {},
  metadata: { schemaVersion: 1, occurredAt: '2025-01-01T00:00:00.000Z', correlationId: 'probe', causationId: null, actor: { kind: 'system', component: 'test' } },
});

describe('PostgreSQL subscription: one LISTEN session per pool', () => {
  jest.setTimeout(20_000);

  it('shares one LISTEN session among the subscriptions of a pool, on connections beyond the pool size, and closes it with the last', async () => {
    const db = await freshDatabase('listen');
    const store = new PostgresEventStore({ connectionString: db.appUrl, poolSize: 2 });
    const admin = new Pool({ connectionString: db.adminUrl, max: 1 });
    const listening = async () =>
      Number((await admin.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %' AND pid <> pg_backend_pid()`)).rows[0].n);
    try {
      const seen = new Map<string, number>();
      const subs = await Promise.all(
        ['a', 'b', 'c'].map((n) =>
          startPostgresSubscription(store, store.pool, { name: `test.listen-${n}`, filter: { categories: ['probe'] }, handle: async () => void seen.set(n, (seen.get(n) ?? 0) + 1) }),
        ),
      );
      // One LISTEN for the pool, plus per subscription a lease session and its one partition's batch transaction
      // (these run on the store's pool here), on top of the 2 the pool was given.
      expect(store.pool.options.max).toBe(2 + 1 + 3 * 2);
      expect(await listening()).toBe(1);
      // Queries still get the pool's 2 connections at once.
      await Promise.all([store.readStream('probe-none'), store.readStream('probe-none')]);

      // The idle timeout is 30 s: delivery within seconds means the one session's notification reached all three.
      await store.append('probe-1', [event()], 'no-stream');
      await eventually(() => expect(Object.fromEntries(seen)).toEqual({ a: 1, b: 1, c: 1 }), 5_000);

      await subs[0].stop();
      expect(await listening()).toBe(1);
      await Promise.all(subs.slice(1).map((sub) => sub.stop()));
      await eventually(async () => expect(await listening()).toBe(0));
      expect(store.pool.options.max).toBe(2);
    } finally {
      await store.close();
      await admin.end();
      await db.drop();
    }
  });
});

describe('PostgreSQL subscription: connections and leases', () => {
  jest.setTimeout(20_000);
  let db: FreshDatabase;
  let store: PostgresEventStore;
  let admin: Pool;

  beforeAll(async () => {
    db = await freshDatabase('sub');
    store = new PostgresEventStore({ connectionString: db.appUrl });
    admin = new Pool({ connectionString: db.adminUrl, max: 2 });
  });
  afterAll(async () => {
    await store.close();
    await admin.end();
    await db.drop();
  });

  const advisoryLocks = async () => (await admin.query(`SELECT objid FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 2 AND database = ${DATABASE}`)).rows;
  const members = async (name: string) =>
    (await admin.query('SELECT consumer_id FROM event_store.subscription_members WHERE subscription = $1', [name])).rows;

  it('holds its partitions as advisory locks and a membership row, and gives all of it back on stop()', async () => {
    const name = `leases.${randomUUID().slice(0, 8)}`;
    const sub = await startPostgresSubscription(store, store.pool, { name, partitions: 3, handle: async () => undefined });
    await sub.caughtUp();
    expect(await advisoryLocks()).toHaveLength(3);
    expect(await members(name)).toEqual([{ consumer_id: sub.status().consumerId }]);

    await sub.stop();

    expect(await advisoryLocks()).toEqual([]);
    expect(await members(name)).toEqual([]);
    // Nothing left checked out of the store's pool: the lock and LISTEN sessions went back.
    expect(store.pool.totalCount - store.pool.idleCount).toBe(0);
  });

  it('refuses to start with another partition count than its checkpoints were written with', async () => {
    const name = `leases.${randomUUID().slice(0, 8)}`;
    const first = await startPostgresSubscription(store, store.pool, { name, partitions: 2, handle: async () => undefined });
    await first.caughtUp();
    await first.stop();

    await expect(startPostgresSubscription(store, store.pool, { name, partitions: 3, handle: async () => undefined })).rejects.toBeInstanceOf(
      PartitionCountMismatchError,
    );
  });

  it('refuses to run next to another subscription whose name hashes to the same lease key', async () => {
    // A birthday search over the 31-bit key space finds a pair within some tens of thousands of names.
    const seen = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let i = 0; !pair; i++) {
      const name = `clash.${i}`;
      const other = seen.get(leaseKey(name));
      if (other) pair = [other, name];
      else seen.set(leaseKey(name), name);
    }
    const first = await startPostgresSubscription(store, store.pool, { name: pair[0], handle: async () => undefined });

    await expect(startPostgresSubscription(store, store.pool, { name: pair[1], handle: async () => undefined })).rejects.toThrow(/share lease key/);

    await first.stop();
    expect(store.pool.totalCount - store.pool.idleCount).toBe(0);
  });

  it('reports its lag: events after its checkpoints and the age of the oldest', async () => {
    const category = `l${randomUUID().slice(0, 8)}`;
    await store.append(`${category}-1`, [event(), event()], 'no-stream');
    await store.append(`${category}-2`, [event()], 'no-stream');
    let failing = true;
    const errors: unknown[] = [];
    const sub = await startPostgresSubscription(store, store.pool, {
      name: `lag.${category}`,
      filter: { categories: [category] },
      partitions: 2,
      handle: async () => {
        if (failing) throw new Error('not yet');
      },
      onError: (e) => errors.push(e),
    });
    await eventually(() => {
      expect(errors.length).toBeGreaterThan(0);
      expect(sub.status().partitions.filter((p) => p.checkpoint !== null)).toHaveLength(2);
    });

    const behind = await sub.lag();
    expect(behind.events).toBe(3);
    expect(behind.seconds).toBeGreaterThanOrEqual(0);

    failing = false;
    await sub.caughtUp();
    expect(await sub.lag()).toEqual({ events: 0, seconds: 0 });
    await sub.stop();
  });

  it('rolls a batch back and gives the partition up when its checkpoint moved under it (another replica committed)', async () => {
    const name = `leases.${randomUUID().slice(0, 8)}`;
    const category = `m${randomUUID().slice(0, 8)}`;
    await admin.query(`CREATE TABLE ${category} (event_id uuid NOT NULL)`);
    await admin.query(`GRANT ALL ON ${category} TO PUBLIC`);
    const appended = [event(), event(), event()];
    await store.append(`${category}-1`, appended, 'no-stream');
    const [, second] = await store.readStream(`${category}-1`);
    let openGate: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const delivered: string[] = [];
    const sub = await startPostgresSubscription(store, store.pool, {
      name,
      filter: { categories: [category] },
      rebalanceIntervalMs: 50,
      handle: async (e, tx) => {
        await gate;
        delivered.push(e.id);
        await tx.query(`INSERT INTO ${category} (event_id) VALUES ($1)`, [e.id]);
      },
    });
    await eventually(async () => expect((await admin.query('SELECT 1 FROM event_store.subscription_checkpoints WHERE subscription = $1', [name])).rows).toHaveLength(1));

    // What a replica that had taken the partition over would leave behind: the first two events handled.
    await admin.query(
      'UPDATE event_store.subscription_checkpoints SET position_commit = $2, position_prepare = $3 WHERE subscription = $1',
      [name, second.position.commit.toString(), second.position.prepare.toString()],
    );
    openGate();
    await sub.caughtUp();

    expect(delivered).toEqual([...appended.map((e) => e.id), appended[2].id]);
    expect((await admin.query(`SELECT event_id FROM ${category}`)).rows).toEqual([{ event_id: appended[2].id }]);
    await sub.stop();
  });

  it('listens again after its LISTEN connection is killed, and takes its partitions back after its lock session is', async () => {
    const name = `leases.${randomUUID().slice(0, 8)}`;
    const category = `k${randomUUID().slice(0, 8)}`;
    const seen: string[] = [];
    const errors: unknown[] = [];
    const sub = await startPostgresSubscription(store, store.pool, {
      name,
      filter: { categories: [category] },
      handle: async (e) => void seen.push(e.id),
      onError: (e) => errors.push(e),
      rebalanceIntervalMs: 50,
    });
    await sub.caughtUp();

    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'LISTEN%'`,
    );
    const first = event();
    await store.append(`${category}-1`, [first], 'no-stream');
    // Well under the 30 s safety re-poll: the reconnected listener (or its catch-up wake) delivered it.
    await eventually(() => expect(seen).toEqual([first.id]), 5_000);

    const lockHolder = async () =>
      (await admin.query(`SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 2 AND database = ${DATABASE}`)).rows.map(
        (r) => r.pid,
      );
    const [killed] = await lockHolder();
    await admin.query('SELECT pg_terminate_backend($1)', [killed]);
    await eventually(async () => {
      const holders = await lockHolder();
      expect(holders).toHaveLength(1);
      expect(holders[0]).not.toBe(killed);
    });
    const second = event();
    await store.append(`${category}-1`, [second], 0);
    await eventually(() => expect(seen).toEqual([first.id, second.id]));
    expect(sub.status().partitions.map((p) => p.index)).toEqual([0]);

    await sub.stop();
  });
});

describe('PostgreSQL subscription: reads per notification', () => {
  jest.setTimeout(20_000);
  let db: FreshDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await freshDatabase('pace');
    store = new PostgresEventStore({ connectionString: db.appUrl });
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('reads a partition at most every minReadIntervalMs under a stream of appends: fewer, larger batches, nothing lost', async () => {
    const category = `pace${randomUUID().slice(0, 6)}`;
    // Every batch is one transaction of this runner (after start-up, which also reads the checkpoints with it).
    const runner = new PoolTransactionRunner(store.pool);
    let transactions = 0;
    const sub = await startPostgresSubscription(store, store.pool, {
      name: `test.${category}`,
      filter: { categories: [category] },
      minReadIntervalMs: 400,
      handle: async () => undefined,
      transactions: { inTransaction: (work) => (transactions++, runner.inTransaction(work)) },
    });
    await sub.caughtUp();
    transactions = 0;
    const started = Date.now();
    for (let i = 0; i < 16; i++) {
      await store.append(`${category}-${i}`, [event()], 'no-stream');
      await pause(25);
    }
    const spread = Date.now() - started;
    await eventually(() => expect(sub.status().handled).toBe(16), 5_000);
    // One read at the first notification, then at most one per interval while appends keep coming (with 0 ms
    // spacing, each of the 16 notifications 25 ms apart is a read of its own).
    expect(transactions).toBeLessThanOrEqual(Math.ceil(spread / 400) + 2);
    await sub.stop();
  });

  it('takes one append horizon for all the partitions a notification wakes, not one each', async () => {
    const category = `wide${randomUUID().slice(0, 6)}`;
    const pool = new Pool({ connectionString: db.appUrl, max: 4 });
    const own = new PostgresEventStore(pool);
    let horizons = 0;
    const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
    jest.spyOn(pool, 'query').mockImplementation(((...args: unknown[]) => {
      if ((args[0] as { name?: string }).name === 'event_store.append_horizon') horizons++;
      return query(...args);
    }) as never);
    const sub = await startPostgresSubscription(own, pool, { name: `test.${category}`, filter: { categories: [category] }, partitions: 4, handle: async () => undefined });
    try {
      await sub.caughtUp();
      horizons = 0;
      for (let i = 0; i < 5; i++) {
        await store.append(`${category}-${i}`, [event()], 'no-stream');
        await eventually(() => expect(sub.status().handled).toBe(i + 1), 5_000);
        await pause(100);
      }
      // Four partitions woken five times: one statement per wake-up, with slack for a re-poll; unshared it is 20.
      expect(horizons).toBeGreaterThanOrEqual(5);
      expect(horizons).toBeLessThanOrEqual(10);
    } finally {
      await sub.stop();
      await pool.end();
    }
  });
});
