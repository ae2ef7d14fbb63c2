/**
 * One LISTEN connection per instance on `crms_crisis_alerts` (the projection notifies it when an alert commits),
 * shared by every open SubscribeCrisisAlerts stream. A notification is a hint, never the data: a woken stream reads
 * the table after its cursor, and also looks again on a timer (CRISIS_ALERTS_POLL_MS), which covers notifications
 * lost while the connection was down. Alerts are rare, so every notification wakes every stream.
 *
 * In the `stop` phase of shutdown every watch ends (its stream completes), so open streams never hold the doors
 * open, and the connection goes back to the pool before the pool closes.
 */
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DatabaseConnection, PLATFORM_LOGGER, ShutdownRegistry, type PlatformLogger } from '@ics2/platform';
import type { Notification, PoolClient } from 'pg';
import { CRISIS_ALERTS_CHANNEL } from '../read-models/crisis-alerts/crisis-alerts.projection';

const RECONNECT_MS = { min: 100, max: 5_000 };

/** One stream's interest in new alerts. */
export class AlertWatch {
  private woken = false;
  private wake: (() => void) | null = null;
  private ended = false;

  constructor(private readonly release: (watch: AlertWatch) => void) {}

  get closed(): boolean {
    return this.ended;
  }

  /** Resolves on a notification (one that came while nobody waited counts), after `timeoutMs`, or when the watch ends. */
  next(timeoutMs: number): Promise<void> {
    if (this.woken || this.ended) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        this.woken = false;
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.wake = done;
    });
  }

  fire(): void {
    this.woken = true;
    this.wake?.();
  }

  end(): void {
    this.ended = true;
    this.fire();
  }

  close(): void {
    this.ended = true;
    this.release(this);
    this.fire();
  }
}

@Injectable()
export class CrisisAlertsListener implements OnApplicationBootstrap {
  private readonly watches = new Set<AlertWatch>();
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
    shutdown.register('crisis alert streams', () => this.stop(), { phase: 'stop' });
  }

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.connect();
    } catch (err) {
      this.logger.warn({ err }, 'crisis alerts LISTEN connection failed; retrying');
      this.scheduleReconnect();
    }
  }

  /** A new watch; ended at once after shutdown began. */
  watch(): AlertWatch {
    const watch = new AlertWatch((w) => this.watches.delete(w));
    if (this.stopped) watch.end();
    else this.watches.add(watch);
    return watch;
  }

  /** Open streams, for tests. */
  get watching(): number {
    return this.watches.size;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.watches.forEach((w) => w.end());
    this.watches.clear();
    const client = this.client;
    this.client = null;
    if (!client) return;
    try {
      await client.query(`UNLISTEN ${CRISIS_ALERTS_CHANNEL}`);
      this.detach();
      client.release();
    } catch (e) {
      client.release(e instanceof Error ? e : new Error(String(e)));
    }
  }

  private async connect(): Promise<void> {
    const client = await this.database.pool.connect();
    const onNotification = (n: Notification) => {
      if (n.channel === CRISIS_ALERTS_CHANNEL) this.watches.forEach((w) => w.fire());
    };
    const onError = (err: Error) => this.dropped(client, err);
    const onEnd = () => this.dropped(client, new Error('crisis alerts LISTEN connection ended'));
    client.on('error', onError);
    client.on('end', onEnd);
    client.on('notification', onNotification);
    const detach = () => {
      client.off('error', onError);
      client.off('end', onEnd);
      client.off('notification', onNotification);
    };
    try {
      await client.query(`LISTEN ${CRISIS_ALERTS_CHANNEL}`);
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
    this.logger.warn({ err: error }, 'crisis alerts LISTEN connection lost; reconnecting');
    client.release(error);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.retryTimer) return;
    this.retryTimer = setTimeout(async () => {
      this.retryTimer = null;
      try {
        await this.connect();
        // Notifications sent while the connection was down are lost: every stream looks again.
        this.watches.forEach((w) => w.fire());
      } catch {
        this.retryMs = Math.min(this.retryMs * 2, RECONNECT_MS.max);
        this.scheduleReconnect();
      }
    }, this.retryMs);
    this.retryTimer.unref();
  }
}
