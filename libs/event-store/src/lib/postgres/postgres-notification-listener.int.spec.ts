/**
 * The LISTEN connection the event store's subscriptions and the platform's keyed feeds wake on, on a real
 * PostgreSQL: it hands on its channel's notifications with their payload, listens again after its session is
 * killed (saying it was lost, then that it is back), gives its connection back on stop, and stays down once the
 * pool is closed.
 */
import { Pool } from 'pg';
import { eventually, freshDatabase, type FreshDatabase } from '../../testing';
import { PostgresNotificationListener } from './postgres-notification-listener';

const CHANNEL = 'es_listener_probe';

describe('PostgreSQL notification listener', () => {
  jest.setTimeout(20_000);
  let db: FreshDatabase;
  let pool: Pool;
  let admin: Pool;
  let started: PostgresNotificationListener[] = [];
  const listening = async () =>
    Number((await admin.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN ${CHANNEL}'`)).rows[0].n);
  const killListening = () =>
    admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN ${CHANNEL}'`);

  beforeAll(async () => {
    db = await freshDatabase('es_listener', async () => undefined);
    admin = new Pool({ connectionString: db.adminUrl, max: 1 });
  });
  afterAll(async () => {
    await admin?.end();
    await db?.drop();
  });
  beforeEach(() => {
    pool = new Pool({ connectionString: db.appUrl, max: 2 });
  });
  afterEach(async () => {
    // A failed test leaves its listener holding a connection, which the pool's end would wait for.
    await Promise.all(started.map((l) => l.stop()));
    started = [];
    if (!pool.ending) await pool.end();
  });

  const start = async (log: string[]) => {
    const listener = new PostgresNotificationListener(pool, {
      name: 'probe',
      channel: CHANNEL,
      onNotify: (payload) => log.push(`notify ${JSON.stringify(payload)}`),
      onReconnect: () => log.push('reconnect'),
      onDropped: (error) => log.push(`dropped ${error.message}`),
      retryMs: 20,
    });
    started.push(listener);
    await listener.start();
    return listener;
  };

  it("hands on its channel's notifications with their payload, not another channel's, and gives its connection back on stop", async () => {
    const log: string[] = [];
    const listener = await start(log);
    expect([listener.listening, await listening()]).toEqual([true, 1]);

    await admin.query(`SELECT pg_notify('es_listener_other', 'x'), pg_notify($1, 'DE')`, [CHANNEL]);
    await admin.query(`NOTIFY ${CHANNEL}`);
    await eventually(() => expect(log).toEqual(['notify "DE"', 'notify ""']));

    await listener.stop();
    expect([listener.listening, pool.totalCount, pool.idleCount]).toEqual([false, 1, 1]);
    expect(await listening()).toBe(0);
  });

  it('listens again after its session is killed, saying it was lost and then that it is back', async () => {
    const log: string[] = [];
    const listener = await start(log);
    await killListening();
    await eventually(() => expect(log).toEqual([expect.stringMatching(/^dropped /), 'reconnect']));
    expect([listener.listening, await listening()]).toEqual([true, 1]);

    await admin.query(`SELECT pg_notify($1, 'FR')`, [CHANNEL]);
    await eventually(() => expect(log.slice(2)).toEqual(['notify "FR"']));
    await listener.stop();
  });

  it('stays down once its pool is closed', async () => {
    const log: string[] = [];
    const listener = await start(log);
    const connects = jest.spyOn(pool, 'connect');
    const ended = pool.end();
    await killListening();
    await ended;
    await eventually(() => expect(log).toEqual([expect.stringMatching(/^dropped /)]));
    // Ten retry delays: a reconnect on the closed pool would have been tried by now.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect([connects.mock.calls.length, log.length, listener.listening]).toEqual([0, 1, false]);
    await listener.stop();
  });
});
