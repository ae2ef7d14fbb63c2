// Parking poison events (maxAttempts): a handler that always throws on one event no longer blocks its partition
// forever. The events before it in its batch are committed after the first failure, the event is retried alone and
// parked once (its row and the checkpoint past it in one transaction), the events after it are handled; only the
// handler's failures on that event count; a failure that clears before maxAttempts parks nothing; without
// maxAttempts nothing is ever parked, and the events before the poison one are still committed.
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
// Spec-only cycle: libs/testing builds its databases with this library's migrations; nothing ships it.
import { eventually, freshDatabase, type FreshDatabase } from '../../testing';
import type { EventToAppend, RecordedEvent } from '../recorded-event';
import type { ParkedEvent, SqlTransaction, TransactionRunner } from '../subscription';
import { readCommittedCheckpoints } from './postgres-checkpoints';
import { PostgresEventStore } from './postgres-event-store';
import { readParkedEvents } from './postgres-parked-events';
import { startPostgresSubscription } from './postgres-subscription';
import { PoolTransactionRunner } from './postgres-transactions';

const probe = (label: string): EventToAppend => ({
  id: randomUUID(),
  type: 'ParkingProbeRecorded',
  data: { label },
  metadata: { schemaVersion: 1, occurredAt: '2026-12-02T00:00:00.000Z', correlationId: 'park', causationId: null, actor: { kind: 'system', component: 'test' } },
});

const labelOf = (e: RecordedEvent): string => String((e.data as { label: string }).label);

describe('PostgreSQL subscription: parking poison events', () => {
  jest.setTimeout(20_000);
  let db: FreshDatabase;
  let store: PostgresEventStore;
  let admin: Pool;

  beforeAll(async () => {
    db = await freshDatabase('park');
    store = new PostgresEventStore({ connectionString: db.appUrl });
    admin = new Pool({ connectionString: db.adminUrl, max: 2 });
    await admin.query('CREATE TABLE handled (subscription text NOT NULL, event_id uuid NOT NULL, label text NOT NULL)');
    await admin.query('GRANT ALL ON handled TO PUBLIC');
  });
  afterAll(async () => {
    await store.close();
    await admin.end();
    await db.drop();
  });

  /** Three events of one category, appended before the subscription starts so that they come in one batch. */
  async function streamWithPoisonInTheMiddle(): Promise<{ category: string; events: RecordedEvent[] }> {
    const category = `p${randomUUID().slice(0, 8)}`;
    await store.append(`${category}-1`, [probe('before'), probe('poison')], 'no-stream');
    await store.append(`${category}-2`, [probe('after')], 'no-stream');
    const events = [...(await store.readStream(`${category}-1`)), ...(await store.readStream(`${category}-2`))];
    return { category, events };
  }

  const handledBy = async (name: string) =>
    (await admin.query('SELECT event_id, label FROM handled WHERE subscription = $1 ORDER BY label', [name])).rows as { event_id: string; label: string }[];

  function recording(name: string, fails: (e: RecordedEvent) => boolean) {
    return async (e: RecordedEvent, tx: SqlTransaction) => {
      await tx.query('INSERT INTO handled (subscription, event_id, label) VALUES ($1, $2, $3)', [name, e.id, labelOf(e)]);
      if (fails(e)) throw new Error(`cannot take ${labelOf(e)}`);
    };
  }

  it('after maxAttempts failed attempts on it parks the poison event once, with the checkpoint moved past it, and handles the events after it', async () => {
    const { category, events } = await streamWithPoisonInTheMiddle();
    const [before, poison, after] = events;
    const name = `park.${category}`;
    const failures: number[] = [];
    const parked: ParkedEvent[] = [];
    const options = {
      name,
      filter: { categories: [category] },
      maxAttempts: 3,
      retryBackoffMs: { min: 1, max: 5 },
      handle: recording(name, (e) => labelOf(e) === 'poison'),
      onError: (_e: unknown, _p: number, failure?: { attempts: number }) => failures.push(failure?.attempts ?? -1),
      onParked: (p: ParkedEvent) => parked.push(p),
    };
    const sub = await startPostgresSubscription(store, store.pool, options);
    await sub.caughtUp();

    // The batch, then the poison event alone twice, failed; alone once more, it was parked.
    expect(failures).toEqual([1, 2, 3]);
    expect(parked).toEqual([
      { partition: 0, event: { id: poison.id, type: poison.type, streamId: poison.streamId, position: poison.position }, error: expect.any(Error), attempts: 4 },
    ]);
    expect(await readParkedEvents(admin, name)).toEqual([
      {
        subscription: name,
        partition: 0,
        event: { id: poison.id, type: poison.type, streamId: poison.streamId, position: poison.position },
        errorMessage: 'cannot take poison',
        attempts: 4,
        parkedAt: expect.any(Date),
      },
    ]);
    // The poison event's own writes rolled back with it; the events around it took effect once each.
    expect(await handledBy(name)).toEqual([
      { event_id: after.id, label: 'after' },
      { event_id: before.id, label: 'before' },
    ]);
    expect(await readCommittedCheckpoints(admin, name)).toEqual([{ partition: 0, partitionCount: 1, position: after.position }]);

    // Live events after it go on as batches; a restart does not park it again (the checkpoint is past it).
    await store.append(`${category}-2`, [probe('later')], 0);
    await eventually(async () => expect((await handledBy(name)).map((r) => r.label)).toEqual(['after', 'before', 'later']));
    await sub.stop();
    const again = await startPostgresSubscription(store, store.pool, options);
    await again.caughtUp();
    await again.stop();
    expect(await readParkedEvents(admin, name)).toHaveLength(1);
    expect(parked).toHaveLength(1);
    expect(failures).toEqual([1, 2, 3]);
  });

  it('with a poison event in the middle of a batch of five, commits the events before it after the first failure and retries the poison event alone until it parks it; every other event takes effect once', async () => {
    const category = `p${randomUUID().slice(0, 8)}`;
    await store.append(`${category}-1`, [probe('before-1'), probe('before-2'), probe('poison')], 'no-stream');
    await store.append(`${category}-2`, [probe('after-1')], 'no-stream');
    await store.append(`${category}-3`, [probe('after-2')], 'no-stream');
    const events = [...(await store.readStream(`${category}-1`)), ...(await store.readStream(`${category}-2`)), ...(await store.readStream(`${category}-3`))];
    const poison = events[2];
    const name = `park.${category}`;
    // What had committed, outside the handler's transaction, each time the handler was given the poison event.
    const committedAtPoison: { labels: string[]; checkpoint: unknown }[] = [];
    const record = recording(name, (e) => labelOf(e) === 'poison');
    const failures: number[] = [];
    const parked: ParkedEvent[] = [];
    const sub = await startPostgresSubscription(store, store.pool, {
      name,
      filter: { categories: [category] },
      maxAttempts: 3,
      retryBackoffMs: { min: 1, max: 5 },
      handle: async (e, tx) => {
        if (labelOf(e) === 'poison') {
          const [checkpoint] = await readCommittedCheckpoints(admin, name);
          committedAtPoison.push({ labels: (await handledBy(name)).map((r) => r.label), checkpoint: checkpoint.position });
        }
        await record(e, tx);
      },
      onError: (_e, _p, failure) => failures.push(failure?.attempts ?? -1),
      onParked: (p) => parked.push(p),
    });
    await sub.caughtUp();
    await sub.stop();

    // First in the batch of five; then, with the two before it committed and the checkpoint on the second, alone.
    const start = { commit: -1n, prepare: -1n };
    const afterBefore = { labels: ['before-1', 'before-2'], checkpoint: events[1].position };
    expect(committedAtPoison).toEqual([{ labels: [], checkpoint: start }, afterBefore, afterBefore, afterBefore]);
    expect(failures).toEqual([1, 2, 3]);
    expect(parked.map((p) => ({ id: p.event.id, attempts: p.attempts }))).toEqual([{ id: poison.id, attempts: 4 }]);
    expect(await handledBy(name)).toEqual(
      [events[3], events[4], events[0], events[1]].map((e) => ({ event_id: e.id, label: labelOf(e) })),
    );
    expect(await readCommittedCheckpoints(admin, name)).toEqual([{ partition: 0, partitionCount: 1, position: events[4].position }]);
  });

  it('counts only the failures on the event itself: one that fails once, after an event before it failed maxAttempts times, is retried and not parked', async () => {
    const { category } = await streamWithPoisonInTheMiddle();
    const name = `park.${category}`;
    const calls = new Map<string, number>();
    // 'before' fails twice (a deadlock, say), then the next event fails once.
    const failsFor = { before: 2, poison: 1 } as Record<string, number>;
    const failures: number[] = [];
    const parked: ParkedEvent[] = [];
    const sub = await startPostgresSubscription(store, store.pool, {
      name,
      filter: { categories: [category] },
      maxAttempts: 2,
      retryBackoffMs: { min: 1, max: 5 },
      handle: recording(name, (e) => {
        const call = (calls.get(labelOf(e)) ?? 0) + 1;
        calls.set(labelOf(e), call);
        return call <= (failsFor[labelOf(e)] ?? 0);
      }),
      onError: (_e, _p, failure) => failures.push(failure?.attempts ?? -1),
      onParked: (p) => parked.push(p),
    });
    await sub.caughtUp();
    await sub.stop();

    expect(parked).toEqual([]);
    expect(await readParkedEvents(admin, name)).toEqual([]);
    expect(failures).toEqual([1, 2, 1]);
    expect((await handledBy(name)).map((r) => r.label)).toEqual(['after', 'before', 'poison']);
  });

  it('parks nothing when the failure clears before maxAttempts', async () => {
    const { category } = await streamWithPoisonInTheMiddle();
    const name = `park.${category}`;
    let poisonFailures = 0;
    const parked: ParkedEvent[] = [];
    const sub = await startPostgresSubscription(store, store.pool, {
      name,
      filter: { categories: [category] },
      maxAttempts: 3,
      retryBackoffMs: { min: 1, max: 5 },
      handle: recording(name, (e) => labelOf(e) === 'poison' && ++poisonFailures <= 2),
      onParked: (p) => parked.push(p),
    });
    await sub.caughtUp();
    await sub.stop();

    expect(poisonFailures).toBe(3);
    expect(parked).toEqual([]);
    expect(await readParkedEvents(admin, name)).toEqual([]);
    expect((await handledBy(name)).map((r) => r.label)).toEqual(['after', 'before', 'poison']);
  });

  it('without maxAttempts parks nothing and retries the poison event alone forever, the events before it committed: the checkpoint waits at it until the handler is fixed', async () => {
    const { category, events } = await streamWithPoisonInTheMiddle();
    const name = `park.${category}`;
    let fixed = false;
    const failures: number[] = [];
    const sub = await startPostgresSubscription(store, store.pool, {
      name,
      filter: { categories: [category] },
      retryBackoffMs: { min: 1, max: 5 },
      handle: recording(name, (e) => labelOf(e) === 'poison' && !fixed),
      onError: (_e, _p, failure) => failures.push(failure?.attempts ?? -1),
    });
    // Well past any maxAttempts the other tests use.
    await eventually(() => expect(failures.length).toBeGreaterThanOrEqual(10));
    expect(await readParkedEvents(admin, name)).toEqual([]);
    // The event before the poison one took effect once, and the checkpoint stands just past it.
    expect((await handledBy(name)).map((r) => r.label)).toEqual(['before']);
    expect(await readCommittedCheckpoints(admin, name)).toEqual([{ partition: 0, partitionCount: 1, position: events[0].position }]);

    fixed = true;
    await sub.caughtUp();
    await sub.stop();
    expect((await handledBy(name)).map((r) => r.label)).toEqual(['after', 'before', 'poison']);
    expect(await readCommittedCheckpoints(admin, name)).toEqual([{ partition: 0, partitionCount: 1, position: events[2].position }]);
  });

  it('writes the parked row and the checkpoint past it together: when that transaction fails, neither is there, and it is parked later, once', async () => {
    const { category, events } = await streamWithPoisonInTheMiddle();
    const name = `park.${category}`;
    const pool = new PoolTransactionRunner(store.pool);
    let parkCommits = 0;
    // The first parking transaction fails at its commit, after both of its writes.
    const transactions: TransactionRunner = {
      inTransaction: (work) =>
        pool.inTransaction(async (tx) => {
          let parking = false;
          const watched: SqlTransaction = {
            query: (sql, params) => {
              if (sql.includes('event_store.parked_events')) parking = true;
              return tx.query(sql, params);
            },
          };
          const result = await work(watched);
          if (parking && ++parkCommits === 1) throw new Error('connection lost at commit');
          return result;
        }),
    };
    const errors: unknown[] = [];
    const sub = await startPostgresSubscription(store, store.pool, {
      name,
      filter: { categories: [category] },
      maxAttempts: 1,
      retryBackoffMs: { min: 1, max: 5 },
      transactions,
      handle: recording(name, (e) => labelOf(e) === 'poison'),
      onError: (e) => errors.push(e),
    });
    await sub.caughtUp();
    await sub.stop();

    expect(parkCommits).toBe(2);
    expect(errors.map((e) => (e as Error).message)).toEqual(['cannot take poison', 'connection lost at commit']);
    expect((await readParkedEvents(admin, name)).map((p) => p.event.id)).toEqual([events[1].id]);
    expect(await readCommittedCheckpoints(admin, name)).toEqual([{ partition: 0, partitionCount: 1, position: events[2].position }]);
    expect((await handledBy(name)).map((r) => r.label)).toEqual(['after', 'before']);
  });
});
