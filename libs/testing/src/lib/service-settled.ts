/**
 * "The services are quiet": every subscription of every given service has handled all it holds, and the store's
 * event count stayed the same over two such checks in a row. A handler's appends are new work for the others
 * (linking, risk analysis, control intake...), so one caught-up check is not enough: it loops to a fixpoint.
 *
 * A test that counts the whole store before and after a refused request waits for this first, so background work
 * caused by its earlier steps cannot land between the two counts. Work no subscription drives (a timer, a request
 * still in flight) is not seen: the stacks the tests start switch such timers off.
 */
import type { Pool } from 'pg';
import { EVENT_STORE, postgresStoreOf, Subscriptions, type ServiceApp, type SubscriptionBehind } from '@ics2/platform';
import type { EventStore } from '@ics2/event-store';

export interface SettleOptions {
  /** Give up after this long, with an error naming what is still behind. Default 30 s. */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;
// Between checks while something is behind: a subscription hands over in milliseconds, and a check is two queries.
const POLL_MS = 10;

/** Resolves once the services (sharing one database, as a stack does) are quiet; throws after the timeout. */
export async function whenSettled(apps: readonly ServiceApp[], options: SettleOptions = {}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  const subscriptions = apps.map((a) => providerOf(a, Subscriptions)).filter((s): s is Subscriptions => s !== undefined);
  const pool = apps.map(storePoolOf).find((p) => p !== undefined);
  if (!pool) throw new Error('settled: none of the services has a PostgreSQL event store to count');
  let previous: number | null = null;
  for (;;) {
    const behind = (await Promise.all(subscriptions.map((s) => s.caughtUp()))).flatMap((r) => r.behind);
    // Lags first, count after: an event committed after a lag was read shows up as a different count next time.
    if (behind.length === 0) {
      const count = await eventCount(pool);
      if (count === previous) return;
      previous = count;
    } else {
      previous = null;
    }
    if (Date.now() >= deadline) throw new Error(`the services did not settle within ${timeoutMs} ms: ${stillMoving(behind, previous)}`);
    if (behind.length > 0) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function stillMoving(behind: readonly SubscriptionBehind[], count: number | null): string {
  if (behind.length === 0) return `every subscription caught up, but the store's event count kept moving (last ${count})`;
  return `subscriptions behind: ${behind.map((b) => `${b.name} (${b.events === null ? 'lag unknown' : `${b.events} events`})`).join(', ')}`;
}

async function eventCount(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM event_store.events');
  return Number(rows[0].n);
}

function storePoolOf(app: ServiceApp): Pool | undefined {
  const store = providerOf<EventStore>(app, EVENT_STORE);
  return store && postgresStoreOf(store)?.pool;
}

/** A provider anywhere in the app, or undefined for a service without it (no event sourcing, no subscriptions). */
function providerOf<T>(app: ServiceApp, token: unknown): T | undefined {
  try {
    return app.app.get(token as never, { strict: false }) as T;
  } catch {
    return undefined;
  }
}
