/** handleCommand on the PostgreSQL adapter: decide on the stream as read, append at its revision, retries, replays. */
import type { Decider, Event } from '@ics2/domain';
import { freshDatabase, type FreshDatabase } from '../testing';
import { eventIdFor, handleCommand, type CommandEnvelope } from './handle-command';
import { PostgresEventStore } from './postgres/postgres-event-store';

type Deposit = Event<'Deposit', { amount: number }>;
type Withdraw = Event<'Withdraw', { amount: number }>;
type Deposited = Event<'Deposited', { amount: number }>;
type Withdrawn = Event<'Withdrawn', { amount: number }>;
type Refusal = { reason: 'insufficient-funds' };

const account: Decider<Deposit | Withdraw, Deposited | Withdrawn, { balance: number }, Refusal> = {
  initialState: () => ({ balance: 0 }),
  evolve: (s, e) => ({ balance: e.type === 'Deposited' ? s.balance + e.data.amount : s.balance - e.data.amount }),
  decide: (c, s) => {
    if (c.data.amount === 0) return [];
    if (c.type === 'Deposit') return [{ type: 'Deposited', data: { amount: c.data.amount } }];
    return s.balance < c.data.amount ? { reason: 'insufficient-funds' } : [{ type: 'Withdrawn', data: { amount: c.data.amount } }];
  },
};

const envelope = <C>(command: C, commandId: string): CommandEnvelope<C> => ({
  command,
  commandId,
  actor: { kind: 'system', component: 'spec' },
  occurredAt: '2026-12-01T09:00:00.000Z',
  correlationId: 'acct-1',
});

describe('handleCommand', () => {
  let db: FreshDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await freshDatabase('handle');
    store = new PostgresEventStore({ connectionString: db.appUrl });
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  it('appends what decide returns, with ids from the command id and the envelope as metadata', async () => {
    const outcome = await handleCommand(store, 'acct-1', account, envelope({ type: 'Deposit', data: { amount: 10 } }, 'msg-1'));
    expect(outcome).toEqual({ kind: 'appended', events: [{ type: 'Deposited', data: { amount: 10 } }], state: { balance: 10 }, lastRevision: 0 });
    const [recorded] = await store.readStream('acct-1');
    expect(recorded).toMatchObject({
      id: eventIdFor('msg-1', 0),
      type: 'Deposited',
      metadata: { occurredAt: '2026-12-01T09:00:00.000Z', correlationId: 'acct-1', causationId: 'msg-1', actor: { kind: 'system', component: 'spec' } },
    });
  });

  it("gives an event the actor actorOf names for it, and the envelope's to the others", async () => {
    const bank = { kind: 'system', component: 'bank' } as const;
    const actorOf = (e: Deposited | Withdrawn) => (e.type === 'Deposited' && e.data.amount >= 100 ? bank : undefined);
    await handleCommand(store, 'acct-actors', account, envelope({ type: 'Deposit', data: { amount: 100 } }, 'actors-1'), { actorOf });
    await handleCommand(store, 'acct-actors', account, envelope({ type: 'Deposit', data: { amount: 1 } }, 'actors-2'), { actorOf });
    expect((await store.readStream('acct-actors')).map((e) => e.metadata.actor)).toEqual([bank, { kind: 'system', component: 'spec' }]);
  });

  it('answers a retried command with the events it produced the first time, appending nothing', async () => {
    await handleCommand(store, 'acct-1', account, envelope({ type: 'Deposit', data: { amount: 5 } }, 'msg-2'));
    const retry = await handleCommand(store, 'acct-1', account, envelope({ type: 'Deposit', data: { amount: 5 } }, 'msg-2'));
    expect(retry).toMatchObject({ kind: 'replayed', events: [{ type: 'Deposited', data: { amount: 5 } }], state: { balance: 15 }, lastRevision: 1 });
    expect(await store.readStream('acct-1')).toHaveLength(2);
  });

  it('returns a refusal and writes nothing; an empty decision writes nothing either', async () => {
    const refused = await handleCommand(store, 'acct-1', account, envelope({ type: 'Withdraw', data: { amount: 100 } }, 'msg-3'));
    expect(refused).toEqual({ kind: 'refused', refusal: { reason: 'insufficient-funds' }, state: { balance: 15 }, lastRevision: 1 });
    const nothing = await handleCommand(store, 'acct-1', account, envelope({ type: 'Deposit', data: { amount: 0 } }, 'msg-4'));
    expect(nothing.kind).toBe('unchanged');
    expect(await store.readStream('acct-1')).toHaveLength(2);
  });

  it('decides again on the new state when a concurrent command won the revision', async () => {
    await handleCommand(store, 'acct-2', account, envelope({ type: 'Deposit', data: { amount: 10 } }, 'seed'));
    // Ten withdrawals of 3 race on a balance of 10: exactly three can be granted, whatever the interleaving.
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) => handleCommand(store, 'acct-2', account, envelope({ type: 'Withdraw', data: { amount: 3 } }, `w-${i}`), { maxAttempts: 20 })),
    );
    expect(outcomes.filter((o) => o.kind === 'appended')).toHaveLength(3);
    expect(outcomes.filter((o) => o.kind === 'refused')).toHaveLength(7);
    const history = await store.readStream('acct-2');
    expect(history.map((e) => e.revision)).toEqual([0, 1, 2, 3]);
  });

  it('with newStream, appends without reading and refuses a stream that exists', async () => {
    const created = await handleCommand(store, 'acct-3', account, envelope({ type: 'Deposit', data: { amount: 1 } }, 'n-1'), { newStream: true });
    expect(created).toMatchObject({ kind: 'appended', lastRevision: 0 });
    await expect(handleCommand(store, 'acct-3', account, envelope({ type: 'Deposit', data: { amount: 1 } }, 'n-2'), { newStream: true })).rejects.toMatchObject({
      name: 'WrongExpectedRevisionError',
      actual: 0,
    });
  });
});
