/**
 * The keyed-feed listener on a real PostgreSQL: a notification wakes the watches of its key and every watch of any
 * key, never another key's; a closed watch is no longer counted; shutdown ends every watch, and one taken after it
 * is ended at once.
 */
import { Client } from 'pg';
import { freshDatabase, type FreshDatabase } from '@ics2/event-store/testing';
import { DatabaseConnection } from '../health/database-connection';
import { createPlatformLogger } from '../logging/logger';
import { ShutdownRegistry } from '../shutdown/shutdown-registry';
import { KeyedFeedListener, type FeedWatch } from './keyed-feed.listener';

const CHANNEL = 'platform_feed_probe';
const LONG_MS = 60_000;

describe('keyed feed listener', () => {
  let db: FreshDatabase;
  let database: DatabaseConnection;
  let notifier: Client;
  let listener: KeyedFeedListener;

  beforeAll(async () => {
    db = await freshDatabase('pf_listener', async () => undefined);
    const logger = createPlatformLogger({ service: 'feed-probe', level: 'silent' });
    database = new DatabaseConnection({ url: db.appUrl, poolMax: 2, applicationName: 'feed probe' }, logger);
    listener = new KeyedFeedListener({ name: 'probe feed', channel: CHANNEL }, database, new ShutdownRegistry(logger), logger);
    await listener.onApplicationBootstrap();
    notifier = new Client({ connectionString: db.appUrl });
    await notifier.connect();
  }, 30_000);
  afterAll(async () => {
    await listener?.stop();
    await notifier?.end();
    await database?.pool.end();
    await db?.drop();
  });

  /** Whether each watch has woken, as its pending `next` sees it. */
  const observe = (watches: FeedWatch[]) => {
    const woken = watches.map(() => false);
    const waits = watches.map((w, i) => w.next(LONG_MS).then(() => void (woken[i] = true)));
    return { woken, waits };
  };
  // Every watch is fired in the one callback of a notification: past its promises' callbacks, all have run.
  const settled = () => new Promise((resolve) => setImmediate(resolve));

  it("wakes a key's watches and those of any key, not another key's; an empty payload wakes those of any key", async () => {
    expect(listener.isListening).toBe(true);
    const [de, fr, any] = [listener.watch('DE'), listener.watch('FR'), listener.watchAnyKey()];
    expect(listener.watching).toBe(3);

    const first = observe([de, fr, any]);
    await notifier.query(`SELECT pg_notify($1, 'DE')`, [CHANNEL]);
    await Promise.all([first.waits[0], first.waits[2]]);
    await settled();
    expect(first.woken).toEqual([true, false, true]);

    const second = observe([de, any]);
    await notifier.query(`NOTIFY ${CHANNEL}`);
    await second.waits[1];
    await settled();
    expect(second.woken).toEqual([false, true]);

    any.close();
    expect(listener.watching).toBe(2);
    await listener.stop();
    // Both still waiting (fr since the first round, de since the second) answer at once, ended.
    await Promise.all([first.waits[1], second.waits[0]]);
    expect([fr.closed, de.closed, listener.watching]).toEqual([true, true, 0]);
    const late = listener.watchAnyKey();
    expect([late.closed, listener.watching, listener.isListening]).toEqual([true, 0, false]);
  });
});
