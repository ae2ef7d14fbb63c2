// The subscription half of the adapter contract: every EventStore adapter's `subscribe` must pass these tests.
// Handlers write through the SQL transaction the subscription hands them, so each adapter's harness points `db`
// at the PostgreSQL database where those transactions (and the checkpoints) go.
import { randomBytes, randomUUID } from 'node:crypto';
import type { EventStore } from '../event-store.port';
import { partitionOf } from '../postgres/postgres-partition';
import { comparePositions, type EventToAppend, type RecordedEvent } from '../recorded-event';
import type { RunningSubscription, SqlTransaction, SubscriptionOptions } from '../subscription';

export interface SubscriptionContractHarness {
  readonly store: EventStore;
  /** A privileged connection to the database handler transactions write to: creates test tables, reads them. */
  readonly db: SqlTransaction;
  close(): Promise<void>;
}

/** Waits for a condition; this file is library code, so it cannot borrow eventually() from @ics2/testing. */
async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const unique = () => randomBytes(4).toString('hex');

function events(count: number, type = 'ContractEventRecorded'): EventToAppend[] {
  return Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    type,
    data: { i },
    metadata: {
      schemaVersion: 1,
      occurredAt: '2025-01-01T00:00:00.000Z',
      correlationId: 'subscription-contract',
      causationId: null,
      actor: { kind: 'system', component: 'subscription-contract' },
    },
  }));
}

const ids = (list: readonly { id: string }[]) => list.map((e) => e.id);

export function describeSubscriptionContract(name: string, makeStore: () => Promise<SubscriptionContractHarness>): void {
  describe(`${name}: subscriptions`, () => {
    // Readers wait for every older transaction in the cluster to end, and other suites share the cluster.
    jest.setTimeout(20_000);
    let h: SubscriptionContractHarness;
    const running: RunningSubscription[] = [];

    beforeAll(async () => {
      h = await makeStore();
    });
    afterEach(async () => {
      await Promise.all(running.splice(0).map((s) => s.stop()));
    });
    afterAll(async () => {
      await h.close();
    });

    async function subscribe(options: SubscriptionOptions): Promise<RunningSubscription> {
      const sub = await h.store.subscribe(options);
      running.push(sub);
      return sub;
    }

    async function rowsTable(): Promise<string> {
      const table = `subscription_contract_${unique()}`;
      await h.db.query(`CREATE TABLE ${table} (seq serial PRIMARY KEY, event_id text NOT NULL, stream_id text NOT NULL, revision int NOT NULL)`);
      await h.db.query(`GRANT ALL ON ${table} TO PUBLIC`);
      await h.db.query(`GRANT ALL ON SEQUENCE ${table}_seq_seq TO PUBLIC`);
      return table;
    }

    it('catches up from the start of the log, then delivers live appends as they commit', async () => {
      const category = `c${unique()}`;
      const first = events(3);
      const second = events(2);
      await h.store.append(`${category}-a`, first, 'no-stream');
      await h.store.append(`${category}-b`, second, 'no-stream');
      const seen: RecordedEvent[] = [];
      const sub = await subscribe({ name: `contract.${unique()}`, filter: { categories: [category] }, handle: async (e) => void seen.push(e) });

      await sub.caughtUp();
      expect(ids(seen)).toEqual(ids([...first, ...second]));

      const live = events(2);
      await h.store.append(`${category}-a`, live, 2);
      // Well before any safety re-poll (30 s on PostgreSQL): the append itself woke the subscriber.
      await until(() => seen.length === 7, 'the live events');
      expect(ids(seen.slice(5))).toEqual(ids(live));
      expect(seen.slice(5).map((e) => e.revision)).toEqual([3, 4]);
      // Counted once the batch has committed, which follows the handler's return.
      await until(() => sub.status().handled === 7, 'the handled count');
    });

    it('resumes from its checkpoint after a restart and does not redeliver committed work', async () => {
      const category = `c${unique()}`;
      const subscription = `contract.${unique()}`;
      const before = events(3);
      await h.store.append(`${category}-a`, before, 'no-stream');
      const firstRun: string[] = [];
      const first = await subscribe({ name: subscription, filter: { categories: [category] }, handle: async (e) => void firstRun.push(e.id) });
      await first.caughtUp();
      await first.stop();

      const after = events(2);
      await h.store.append(`${category}-a`, after, 2);
      const secondRun: string[] = [];
      const second = await subscribe({ name: subscription, filter: { categories: [category] }, handle: async (e) => void secondRun.push(e.id) });
      await second.caughtUp();

      expect(firstRun).toEqual(ids(before));
      expect(secondRun).toEqual(ids(after));
    });

    it('delivers only the stream categories and event types it filters on', async () => {
      const [wanted, other] = [`c${unique()}`, `c${unique()}`];
      const kept = events(2, 'ContractFilingRegistered');
      await h.store.append(`${wanted}-1`, [...kept.slice(0, 1), ...events(1, 'ContractFilingAmended')], 'no-stream');
      await h.store.append(`${other}-1`, events(2, 'ContractFilingRegistered'), 'no-stream');
      await h.store.append(`${wanted}-2`, kept.slice(1), 'no-stream');
      const seen: RecordedEvent[] = [];
      const sub = await subscribe({
        name: `contract.${unique()}`,
        filter: { categories: [wanted], eventTypes: ['ContractFilingRegistered'] },
        handle: async (e) => void seen.push(e),
      });

      await sub.caughtUp();

      expect(ids(seen)).toEqual(ids(kept));
    });

    it('commits handler writes and checkpoint together: a failing batch leaves neither; the events before the failing one then commit, and it is retried alone until it goes through', async () => {
      const category = `c${unique()}`;
      const table = await rowsTable();
      const appended = events(5);
      await h.store.append(`${category}-1`, appended, 'no-stream');
      let failing = true;
      const deliveries = new Map<string, number>();
      const errors: unknown[] = [];
      const sub = await subscribe({
        name: `contract.${unique()}`,
        filter: { categories: [category] },
        handle: async (e, tx) => {
          deliveries.set(e.id, (deliveries.get(e.id) ?? 0) + 1);
          await tx.query(`INSERT INTO ${table} (event_id, stream_id, revision) VALUES ($1, $2, $3)`, [e.id, e.streamId, e.revision]);
          if (failing && e.revision === 2) throw new Error('handler failed on purpose');
        },
        onError: (error) => errors.push(error),
      });

      await until(() => errors.length >= 2, 'a failed batch and its failed retry');
      // Of the failed transactions nothing is left; the two events before the failing one took effect once.
      const recorded = await h.store.readStream(`${category}-1`);
      expect((await h.db.query<{ event_id: string }>(`SELECT event_id FROM ${table} ORDER BY seq`)).map((r) => r.event_id)).toEqual(ids(appended.slice(0, 2)));
      expect(comparePositions(sub.status().partitions[0].checkpoint!, recorded[1].position)).toBe(0);
      expect(deliveries.get(appended[3].id)).toBeUndefined();

      failing = false;
      await sub.caughtUp();

      const rows = await h.db.query<{ event_id: string; revision: number }>(`SELECT event_id, revision FROM ${table} ORDER BY seq`);
      expect(rows.map((r) => r.event_id)).toEqual(ids(appended));
      expect(deliveries.get(appended[2].id)).toBeGreaterThanOrEqual(3);
    });

    it('keeps every stream in revision order when the work is split into partitions', async () => {
      const category = `c${unique()}`;
      const streams = Array.from({ length: 12 }, (_, i) => `${category}-${i}`);
      for (const round of [0, 1, 2]) {
        await Promise.all(streams.map((s) => h.store.append(s, events(2), round === 0 ? 'no-stream' : round * 2 - 1)));
      }
      const seen = new Map<string, number[]>();
      const sub = await subscribe({
        name: `contract.${unique()}`,
        filter: { categories: [category] },
        partitions: 4,
        handle: async (e) => void seen.set(e.streamId, [...(seen.get(e.streamId) ?? []), e.revision]),
      });

      await sub.caughtUp();

      expect(sub.status().partitions.map((p) => p.index)).toEqual([0, 1, 2, 3]);
      for (const stream of streams) expect(seen.get(stream)).toEqual([0, 1, 2, 3, 4, 5]);
    });

    it.each([1, 4])(
      'handles several streams of a batch at once with `concurrency` (partitions: %i), each stream in revision order, rows and checkpoint together',
      async (partitions) => {
        const category = `c${unique()}`;
        const table = await rowsTable();
        // 8 streams of one partition, so that any overlap is overlap within a partition (or within one consumer).
        const streams: string[] = [];
        for (let i = 0; streams.length < 8; i++) if (partitionOf(`${category}-${i}`, partitions) === 0) streams.push(`${category}-${i}`);
        for (const round of [0, 1, 2]) await Promise.all(streams.map((s) => h.store.append(s, events(1), round === 0 ? 'no-stream' : round - 1)));
        const seen = new Map<string, number[]>();
        let inFlight = 0;
        let most = 0;
        const sub = await subscribe({
          name: `contract.${unique()}`,
          filter: { categories: [category] },
          partitions,
          concurrency: 4,
          handle: async (e, tx) => {
            most = Math.max(most, ++inFlight);
            await new Promise((resolve) => setTimeout(resolve, 15));
            seen.set(e.streamId, [...(seen.get(e.streamId) ?? []), e.revision]);
            await tx.query(`INSERT INTO ${table} (event_id, stream_id, revision) VALUES ($1, $2, $3)`, [e.id, e.streamId, e.revision]);
            inFlight--;
          },
        });

        await sub.caughtUp();

        expect(most).toBeGreaterThan(1);
        expect(most).toBeLessThanOrEqual(4);
        for (const stream of streams) expect(seen.get(stream)).toEqual([0, 1, 2]);
        const rows = await h.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
        expect(Number(rows[0].n)).toBe(24);
      },
    );

    it('stops cleanly: the batch in hand commits, and nothing is delivered once stop() resolved', async () => {
      const category = `c${unique()}`;
      const subscription = `contract.${unique()}`;
      const table = await rowsTable();
      const appended = events(3);
      await h.store.append(`${category}-1`, appended, 'no-stream');
      let openGate: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (openGate = resolve));
      let inHandler = false;
      const delivered: string[] = [];
      const sub = await subscribe({
        name: subscription,
        filter: { categories: [category] },
        handle: async (e, tx) => {
          inHandler = true;
          await gate;
          delivered.push(e.id);
          await tx.query(`INSERT INTO ${table} (event_id, stream_id, revision) VALUES ($1, $2, $3)`, [e.id, e.streamId, e.revision]);
        },
      });
      await until(() => inHandler, 'the first delivery');

      const stopped = sub.stop();
      openGate();
      await stopped;

      expect(delivered).toEqual(ids(appended));
      expect((await h.db.query(`SELECT * FROM ${table}`)).length).toBe(3);
      // After stop(): a new event reaches a fresh subscriber (and a restart of this one), never the stopped one.
      const later = events(1);
      await h.store.append(`${category}-1`, later, 2);
      const restarted: string[] = [];
      const again = await subscribe({ name: subscription, filter: { categories: [category] }, handle: async (e) => void restarted.push(e.id) });
      await again.caughtUp();
      expect(restarted).toEqual(ids(later));
      expect(delivered).toEqual(ids(appended));
    });
  });
}
