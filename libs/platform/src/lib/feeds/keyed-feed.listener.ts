/**
 * One LISTEN connection per feed and service instance, taken from DatabaseConnection's pool, shared by every
 * waiting reader: a long poll or a stream watches its key and is woken when that key's items commit (the
 * sequencer notifies the feed's channel with the key). A wake-up is a hint, never the data: readers read the feed
 * itself, and also look again on a timer, which covers notifications lost while the connection was down (on
 * reconnect every watch is woken too). The connection and its reconnects are the event store's
 * PostgresNotificationListener, as for its own subscriptions; what is this feed's own is the keys and the watches.
 *
 * In the `stop` phase of shutdown every watch is closed (long polls answer with what they have, streams end), so
 * open requests never hold the doors open, and the connection goes back to the pool before the pool closes.
 *
 * A reader whose rows are not split by key (crms's crisis alerts: every stream reads one table, its own rows picked
 * by a filter) watches every key (`watchAnyKey`): any notification on the channel wakes it, whatever its payload.
 *
 * A service subclasses it once per feed, so Nest can inject it:
 *
 *   @Injectable()
 *   export class SignalsListener extends KeyedFeedListener {
 *     constructor(db: DatabaseConnection, shutdown: ShutdownRegistry, @Inject(PLATFORM_LOGGER) logger: PlatformLogger) {
 *       super(SIGNALS_FEED, db, shutdown, logger);
 *     }
 *   }
 */
import type { OnApplicationBootstrap } from '@nestjs/common';
import { PostgresNotificationListener } from '@ics2/event-store';
import type { DatabaseConnection } from '../health/database-connection';
import type { PlatformLogger } from '../logging/logger';
import type { ShutdownRegistry } from '../shutdown/shutdown-registry';

/** What a listener needs of a feed definition. */
export interface FeedChannel {
  /** For logs and the shutdown hook (`<name> readers`). */
  readonly name: string;
  readonly channel: string;
}

/** One reader's interest in one key. Watch before reading, so an item committing in between still wakes it. */
export class FeedWatch {
  private woken = false;
  private wake: (() => void) | null = null;
  private isClosed = false;

  constructor(
    /** null: every key (`watchAnyKey`). */
    readonly key: string | null,
    private readonly release: (watch: FeedWatch) => void,
  ) {}

  /** True once the listener stopped (shutdown): no more wake-ups will come, readers should finish. */
  get closed(): boolean {
    return this.isClosed;
  }

  /**
   * Resolves when something may have changed (a notification for the key, a reconnect, the listener stopping),
   * after `timeoutMs`, or when `abort` fires. A wake-up while nobody waited is kept for the next call.
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

  /** Stops watching; call it when done (in a finally). */
  close(): void {
    this.release(this);
  }
}

export class KeyedFeedListener implements OnApplicationBootstrap {
  private readonly watches = new Map<string, Set<FeedWatch>>();
  private readonly anyKey = new Set<FeedWatch>();
  /** Made at bootstrap: the pool is taken then (DatabaseConnection's throws without a database). */
  private connection: PostgresNotificationListener | null = null;
  private stopped = false;

  constructor(
    private readonly feed: FeedChannel,
    private readonly database: DatabaseConnection,
    shutdown: ShutdownRegistry,
    private readonly logger: PlatformLogger,
  ) {
    shutdown.register(`${feed.name} readers`, () => this.stop(), { phase: 'stop' });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.stopped) return;
    try {
      this.connection = new PostgresNotificationListener(this.database.pool, {
        name: this.feed.name,
        channel: this.feed.channel,
        onNotify: (key) => {
          this.anyKey.forEach((w) => w.fire());
          if (key) this.watches.get(key)?.forEach((w) => w.fire());
        },
        // Notifications sent while the connection was down are lost: every reader looks again.
        onReconnect: () => this.wakeAll(),
        onDropped: (err) => this.logger.warn({ err, feed: this.feed.name }, 'feed LISTEN connection lost; reconnecting'),
      });
      await this.connection.start();
    } catch (err) {
      // Readers still look on their timer; the connection comes back on its own.
      this.logger.warn({ err, feed: this.feed.name }, 'feed LISTEN connection failed; retrying');
    }
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** Whether the LISTEN connection is up (tests, diagnostics). */
  get isListening(): boolean {
    return this.connection?.listening ?? false;
  }

  /** Starts watching `key`; call `close()` on the watch when done. Closed at once after shutdown. */
  watch(key: string): FeedWatch {
    const watch = new FeedWatch(key, (w) => this.unwatch(w));
    if (this.stopped) {
      watch.end();
      return watch;
    }
    const set = this.watches.get(key) ?? new Set<FeedWatch>();
    set.add(watch);
    this.watches.set(key, set);
    return watch;
  }

  /** Starts watching every key: each notification on the channel wakes it. Otherwise as `watch`. */
  watchAnyKey(): FeedWatch {
    const watch = new FeedWatch(null, (w) => this.unwatch(w));
    if (this.stopped) watch.end();
    else this.anyKey.add(watch);
    return watch;
  }

  /** Open watches, for metrics and tests. */
  get watching(): number {
    let n = this.anyKey.size;
    for (const set of this.watches.values()) n += set.size;
    return n;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const set of this.watches.values()) set.forEach((w) => w.end());
    this.watches.clear();
    this.anyKey.forEach((w) => w.end());
    this.anyKey.clear();
    await this.connection?.stop();
  }

  private unwatch(watch: FeedWatch): void {
    if (watch.key === null) {
      this.anyKey.delete(watch);
      return;
    }
    const set = this.watches.get(watch.key);
    if (!set) return;
    set.delete(watch);
    if (set.size === 0) this.watches.delete(watch.key);
  }

  private wakeAll(): void {
    for (const set of this.watches.values()) set.forEach((w) => w.fire());
    this.anyKey.forEach((w) => w.fire());
  }
}
