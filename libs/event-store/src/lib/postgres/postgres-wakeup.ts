import type { Pool } from 'pg';
// The append notifies this channel in its own statement; PostgreSQL delivers the notification on commit.
import { APPENDED_CHANNEL } from './postgres-append';
import { PostgresNotificationListener, type PostgresNotificationListenerOptions } from './postgres-notification-listener';
import { reservePoolConnections } from './postgres-pool-reserve';
import { drainedBelow, type AppendHorizon } from './postgres-read-all';

/**
 * A wake-up a loop sleeps on: `wait` resolves on `fire` or when the timeout passes, whichever comes first. A fire
 * while nobody waits is kept for the next `wait`, so a wake-up that lands while the loop is busy is not lost.
 */
export class Signal {
  private waiters: (() => void)[] = [];
  private pending = false;

  wait(timeoutMs: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, timeoutMs));
      this.waiters.push(done);
    });
  }

  fire(): void {
    if (this.waiters.length === 0) this.pending = true;
    for (const waiter of [...this.waiters]) waiter();
  }
}

/** The bounds of a read, as a subscription sees the log. */
export interface Snapshot {
  /** Every appender below this has ended: the read returns everything they wrote. */
  readonly xmin: bigint;
  /** Every transaction that had an xid when the read looked is below this. */
  readonly xmax: bigint;
}

export function snapshotOf(horizon: AppendHorizon): Snapshot {
  return { xmin: drainedBelow(horizon), xmax: horizon.horizon };
}

/**
 * How long a partition loop sleeps once a read left it nothing to do. A notification means an event committed,
 * but the read only returns events below its watermark, so an older appender still running can hold it back:
 * after a notification the loop re-polls with a short, doubling back-off until a read's watermark has passed every
 * transaction that had an xid when the notification was seen. Then it sleeps until the next notification, or the
 * safety timeout (notifications lost while LISTEN reconnected), which counts as one.
 */
export class PollSchedule {
  private target: bigint | null = null;
  private delay = 0;

  constructor(
    private readonly backoff: { readonly min: number; readonly max: number },
    private readonly idleTimeoutMs: number,
  ) {}

  /** A notification arrived before `snapshot` was taken: its transaction is below the snapshot's xmax. */
  notified(snapshot: Snapshot): void {
    if (this.target === null || snapshot.xmax > this.target) this.target = snapshot.xmax;
  }

  /** The sleep after a read taken at `snapshot` drained the partition; `progressed` if that read found events. */
  next(snapshot: Snapshot, progressed: boolean): { readonly ms: number; readonly idle: boolean } {
    if (this.target !== null && snapshot.xmin < this.target) {
      this.delay = progressed || this.delay === 0 ? this.backoff.min : Math.min(this.delay * 2, this.backoff.max);
      return { ms: this.delay, idle: false };
    }
    this.target = null;
    this.delay = 0;
    return { ms: this.idleTimeoutMs, idle: true };
  }
}

/** A subscription sharing the session: `onNotify` gets the appended stream's category. */
type AppendListenerMember = Pick<PostgresNotificationListenerOptions, 'onNotify' | 'onReconnect'>;

/**
 * One LISTEN session per pool, shared by every subscription on it. Each session listening on the channel is woken
 * by PostgreSQL on every append's commit; a service with a dozen subscriptions had a dozen, and every append woke
 * each of them and then each subscription's loops. Members join and leave; the session opens with the first and
 * closes with the last, on a connection the pool gets on top of its size (postgres-pool-reserve.ts).
 */
export class SharedAppendListener {
  private static readonly byPool = new WeakMap<Pool, SharedAppendListener>();
  private readonly members = new Set<AppendListenerMember>();
  private listener: PostgresNotificationListener | null = null;
  private release: () => void = () => undefined;
  /** Starts and stops, one at a time. */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly pool: Pool) {}

  static of(pool: Pool): SharedAppendListener {
    let shared = SharedAppendListener.byPool.get(pool);
    if (!shared) SharedAppendListener.byPool.set(pool, (shared = new SharedAppendListener(pool)));
    return shared;
  }

  /** Resolves once the session listens (so no commit after this is missed); returns how to leave. */
  async join(member: AppendListenerMember): Promise<() => Promise<void>> {
    this.members.add(member);
    try {
      await this.serially(() => this.ensureListening());
    } catch (e) {
      this.members.delete(member);
      await this.serially(() => this.stopIfUnused());
      throw e;
    }
    let left = false;
    return () => {
      if (left) return Promise.resolve();
      left = true;
      this.members.delete(member);
      return this.serially(() => this.stopIfUnused());
    };
  }

  private async ensureListening(): Promise<void> {
    if (this.listener) return;
    const release = reservePoolConnections(this.pool, 1);
    const listener = new PostgresNotificationListener(this.pool, {
      name: 'append',
      channel: APPENDED_CHANNEL,
      onNotify: (payload) => this.members.forEach((m) => m.onNotify(payload)),
      onReconnect: () => this.members.forEach((m) => m.onReconnect()),
    });
    try {
      await listener.start();
    } catch (e) {
      await listener.stop();
      release();
      throw e;
    }
    this.listener = listener;
    this.release = release;
  }

  private async stopIfUnused(): Promise<void> {
    if (this.members.size > 0 || !this.listener) return;
    const listener = this.listener;
    this.listener = null;
    await listener.stop();
    this.release();
  }

  private serially(op: () => Promise<void>): Promise<void> {
    const next = this.queue.then(op, op);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
