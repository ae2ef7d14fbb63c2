/**
 * One LISTEN connection per service instance on `trader_interface_inbox` (the projection notifies it with the
 * recipient's EORI when its items commit), shared by every waiting reader: a long poll or a stream watches its
 * recipient and is woken when that recipient's items commit. A wake-up is a hint, never the data: readers read the
 * inbox itself and also look again on a timer, which covers notifications lost while the connection was down.
 *
 * In the `stop` phase of shutdown every watch is closed (long polls answer with what they have, streams end), so
 * open requests never hold the doors open, and the connection goes back to the pool before the pool closes.
 */
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DatabaseConnection, PLATFORM_LOGGER, ShutdownRegistry, type PlatformLogger } from '@ics2/platform';
import type { Notification, PoolClient } from 'pg';
import { INBOX_CHANNEL } from './inbox-sequencer';

const RECONNECT_MS = { min: 100, max: 5_000 };

/** One reader's interest in one recipient's inbox. */
export class InboxWatch {
  private woken = false;
  private wake: (() => void) | null = null;
  private isClosed = false;

  constructor(
    readonly recipient: string,
    private readonly release: (watch: InboxWatch) => void,
  ) {}

  get closed(): boolean {
    return this.isClosed;
  }

  /**
   * Resolves when something may have changed (a notification for the recipient, a reconnect, the listener
   * closing), after `timeoutMs`, or when `abort` fires. A wake-up while nobody waited is kept for the next call.
   */
  next(timeoutMs: number, abort?: AbortSignal): Promise<void> {
    if (this.woken || this.isClosed || abort?.aborted) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        abort?.removeEventListener('abort', done);
        this.wake = null;
        this.woken = false;
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, timeoutMs));
      abort?.addEventListener('abort', done, { once: true });
      this.wake = done;
    });
  }

  /** For the listener. */
  fire(): void {
    this.woken = true;
    this.wake?.();
  }

  /** For the listener: no more wake-ups will come. */
  end(): void {
    this.isClosed = true;
    this.fire();
  }

  close(): void {
    this.release(this);
  }
}

@Injectable()
export class InboxListener implements OnApplicationBootstrap {
  private readonly watches = new Map<string, Set<InboxWatch>>();
  private client: PoolClient | null = null;
  private detach: () => void = () => undefined;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryMs = RECONNECT_MS.min;
  private stopped = false;

  constructor(
    private readonly database: DatabaseConnection,
    shutdown: ShutdownRegistry,
    @Inject(PLATFORM_LOGGER) private readonly logger: PlatformLogger,
  ) {
    shutdown.register('notifications inbox readers', () => this.stop(), { phase: 'stop' });
  }

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.connect();
    } catch (err) {
      // Readers still look on their timer; the connection comes back on its own.
      this.logger.warn({ err }, 'inbox LISTEN connection failed; retrying');
      this.scheduleReconnect();
    }
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** Starts watching `recipient`'s inbox; call `close()` on the watch when done. Closed at once after shutdown. */
  watch(recipient: string): InboxWatch {
    const watch = new InboxWatch(recipient, (w) => this.unwatch(w));
    if (this.stopped) {
      watch.end();
      return watch;
    }
    const set = this.watches.get(recipient) ?? new Set<InboxWatch>();
    set.add(watch);
    this.watches.set(recipient, set);
    return watch;
  }

  /** Open watches, for metrics and tests. */
  get watching(): number {
    let n = 0;
    for (const set of this.watches.values()) n += set.size;
    return n;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    for (const set of this.watches.values()) set.forEach((w) => w.end());
    this.watches.clear();
    const client = this.client;
    this.client = null;
    if (!client) return;
    try {
      await client.query(`UNLISTEN ${INBOX_CHANNEL}`);
      this.detach();
      client.release();
    } catch (e) {
      client.release(e instanceof Error ? e : new Error(String(e)));
    }
  }

  private unwatch(watch: InboxWatch): void {
    const set = this.watches.get(watch.recipient);
    if (!set) return;
    set.delete(watch);
    if (set.size === 0) this.watches.delete(watch.recipient);
  }

  private wakeAll(): void {
    for (const set of this.watches.values()) set.forEach((w) => w.fire());
  }

  private async connect(): Promise<void> {
    const client = await this.database.pool.connect();
    const onNotification = (n: Notification) => {
      if (n.channel !== INBOX_CHANNEL || !n.payload) return;
      this.watches.get(n.payload)?.forEach((w) => w.fire());
    };
    const onError = (err: Error) => this.dropped(client, err);
    const onEnd = () => this.dropped(client, new Error('inbox LISTEN connection ended'));
    // Detached only when the client goes back to the pool healthy: a broken client may still emit, and an
    // unheard 'error' would end the process.
    client.on('error', onError);
    client.on('end', onEnd);
    client.on('notification', onNotification);
    const detach = () => {
      client.off('error', onError);
      client.off('end', onEnd);
      client.off('notification', onNotification);
    };
    try {
      await client.query(`LISTEN ${INBOX_CHANNEL}`);
    } catch (e) {
      client.release(e instanceof Error ? e : new Error(String(e)));
      throw e;
    }
    if (this.stopped) {
      client.release(true);
      return;
    }
    this.client = client;
    this.detach = detach;
    this.retryMs = RECONNECT_MS.min;
  }

  private dropped(client: PoolClient, error: Error): void {
    if (this.client !== client) return;
    this.client = null;
    this.logger.warn({ err: error }, 'inbox LISTEN connection lost; reconnecting');
    client.release(error);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.retryTimer) return;
    this.retryTimer = setTimeout(async () => {
      this.retryTimer = null;
      try {
        await this.connect();
        // Notifications sent while the connection was down are lost: every reader looks again.
        this.wakeAll();
      } catch {
        this.retryMs = Math.min(this.retryMs * 2, RECONNECT_MS.max);
        this.scheduleReconnect();
      }
    }, this.retryMs);
    this.retryTimer.unref();
  }
}
