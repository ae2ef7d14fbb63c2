import type { Notification, Pool, PoolClient } from 'pg';
// The append notifies this channel in its own statement; PostgreSQL delivers the notification on commit.
import { APPENDED_CHANNEL } from './postgres-append';
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

export interface AppendListenerOptions {
  /** Every notification, with its payload (the appended stream's category). */
  readonly onNotify: (payload: string | undefined) => void;
  /** After a reconnect: notifications sent while the connection was down are lost, so readers should look. */
  readonly onReconnect: () => void;
  /** First delay before reconnecting; doubles up to `maxRetryMs`. */
  readonly retryMs?: number;
  readonly maxRetryMs?: number;
}

/**
 * LISTENs on a dedicated pooled connection (LISTEN is per session, so it cannot share a connection that goes back
 * to the pool) and reconnects when that connection drops. When the pool itself has been closed there is nothing
 * to reconnect to and it stays down.
 */
export class AppendListener {
  private client: PoolClient | null = null;
  private detach: () => void = () => undefined;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryMs: number;
  private stopped = false;

  constructor(
    private readonly pool: Pool,
    private readonly options: AppendListenerOptions,
  ) {
    this.retryMs = options.retryMs ?? 100;
  }

  /** Resolves once listening; throws if the first connection fails (a reconnect is scheduled regardless). */
  async start(): Promise<void> {
    try {
      await this.connect();
    } catch (e) {
      this.scheduleReconnect();
      throw e;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    if (!client) return;
    try {
      await client.query(`UNLISTEN ${APPENDED_CHANNEL}`);
      this.detach();
      client.release();
    } catch (e) {
      this.detach();
      client.release(e instanceof Error ? e : new Error(String(e)));
    }
  }

  private async connect(): Promise<void> {
    const client = await this.pool.connect();
    const onError = (error: Error) => this.dropped(client, error);
    const onEnd = () => this.dropped(client, new Error('LISTEN connection ended'));
    const onNotification = (n: Notification) => {
      if (n.channel === APPENDED_CHANNEL) this.options.onNotify(n.payload);
    };
    client.on('error', onError);
    client.on('end', onEnd);
    client.on('notification', onNotification);
    const detach = () => {
      client.off('error', onError);
      client.off('end', onEnd);
      client.off('notification', onNotification);
    };
    try {
      await client.query(`LISTEN ${APPENDED_CHANNEL}`);
    } catch (e) {
      // Keep an error listener: a broken client may still emit, and an unheard 'error' crashes the process.
      client.on('error', () => undefined);
      detach();
      client.release(e instanceof Error ? e : new Error(String(e)));
      throw e;
    }
    if (this.stopped) {
      // Stopped while connecting: end the session rather than pool a client that is LISTENing.
      detach();
      client.release(true);
      return;
    }
    this.client = client;
    this.detach = detach;
    this.retryMs = this.options.retryMs ?? 100;
  }

  private dropped(client: PoolClient, error: Error): void {
    if (this.client !== client) return;
    this.client = null;
    // Listeners stay attached: the client is discarded, and its late 'error' events must still be heard.
    client.release(error);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.pool.ending || this.retryTimer) return;
    this.retryTimer = setTimeout(async () => {
      this.retryTimer = null;
      try {
        await this.connect();
        this.options.onReconnect();
      } catch {
        this.retryMs = Math.min(this.retryMs * 2, this.options.maxRetryMs ?? 5_000);
        this.scheduleReconnect();
      }
    }, this.retryMs);
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

/**
 * One LISTEN session per pool, shared by every subscription on it. Each session listening on the channel is woken
 * by PostgreSQL on every append's commit; a service with a dozen subscriptions had a dozen, and every append woke
 * each of them and then each subscription's loops. Members join and leave; the session opens with the first and
 * closes with the last, on a connection the pool gets on top of its size (postgres-pool-reserve.ts).
 */
export class SharedAppendListener {
  private static readonly byPool = new WeakMap<Pool, SharedAppendListener>();
  private readonly members = new Set<Pick<AppendListenerOptions, 'onNotify' | 'onReconnect'>>();
  private listener: AppendListener | null = null;
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
  async join(member: Pick<AppendListenerOptions, 'onNotify' | 'onReconnect'>): Promise<() => Promise<void>> {
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
    const listener = new AppendListener(this.pool, {
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
