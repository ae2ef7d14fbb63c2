import type { Pool } from 'pg';
import { appendHorizon, type AppendHorizon } from './postgres-read-all';

/**
 * One append_horizon() statement for every subscription read on a pool that asks in the same turn of the event loop.
 *
 * Each partition loop takes a horizon before each read (schema/005-appender-watermark.sql): after an append's
 * notification every partition of every subscription on the pool wakes and asks, each with a look at pg_locks, the
 * dearest statement of the read. A horizon serves any read made after it (the watermark rule needs the horizon
 * before the read, not just before), and a horizon taken later than a request still serves that request's purpose
 * (seeing what was committed before it asked). So requests join the statement not yet sent: it is sent on the next
 * turn (setImmediate), after every loop woken by the same notification has asked, and is taken after each of them.
 * A request made while a statement is on its way waits for the next one, never for an older snapshot.
 */
export class SharedAppendHorizon {
  private static readonly byPool = new WeakMap<Pool, SharedAppendHorizon>();
  private queued: Promise<AppendHorizon> | null = null;
  /** Statements sent, for tests and diagnostics. */
  sent = 0;

  constructor(private readonly take: () => Promise<AppendHorizon>) {}

  static of(pool: Pool): SharedAppendHorizon {
    let shared = SharedAppendHorizon.byPool.get(pool);
    if (!shared) SharedAppendHorizon.byPool.set(pool, (shared = new SharedAppendHorizon(() => appendHorizon(pool))));
    return shared;
  }

  /** A horizon taken after this call. */
  next(): Promise<AppendHorizon> {
    this.queued ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      this.queued = null;
      this.sent++;
      return this.take();
    });
    return this.queued;
  }
}
