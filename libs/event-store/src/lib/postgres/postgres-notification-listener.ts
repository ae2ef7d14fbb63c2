import type { Notification, Pool, PoolClient } from 'pg';

export interface PostgresNotificationListenerOptions {
  /** Names the listener in the error a connection that ended is released with (`<name> LISTEN connection ended`). */
  readonly name: string;
  /** The channel to LISTEN on: an identifier written into the statement, never caller input. */
  readonly channel: string;
  /** Every notification on the channel, with its payload. */
  readonly onNotify: (payload: string | undefined) => void;
  /** After a reconnect: notifications sent while the connection was down are lost, so readers should look. */
  readonly onReconnect: () => void;
  /** The connection was lost; a reconnect is scheduled. */
  readonly onDropped?: (error: Error) => void;
  /** First delay before reconnecting; doubles up to `maxRetryMs`. */
  readonly retryMs?: number;
  readonly maxRetryMs?: number;
}

/**
 * LISTENs on a dedicated pooled connection (LISTEN is per session, so it cannot share a connection that goes back
 * to the pool) and reconnects when that connection drops, with a doubling delay. When the pool itself has been
 * closed there is nothing to reconnect to and it stays down. The event store's subscriptions wake on it
 * (postgres-wakeup.ts), and so do the platform's keyed feeds.
 */
export class PostgresNotificationListener {
  private client: PoolClient | null = null;
  private detach: () => void = () => undefined;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryMs: number;
  private stopped = false;

  constructor(
    private readonly pool: Pool,
    private readonly options: PostgresNotificationListenerOptions,
  ) {
    this.retryMs = options.retryMs ?? 100;
  }

  /** Whether the LISTEN connection is up. */
  get listening(): boolean {
    return this.client !== null;
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
    this.retryTimer = null;
    const client = this.client;
    this.client = null;
    if (!client) return;
    try {
      await client.query(`UNLISTEN ${this.options.channel}`);
      this.detach();
      client.release();
    } catch (e) {
      discard(client, this.detach, asError(e));
    }
  }

  private async connect(): Promise<void> {
    const client = await this.pool.connect();
    const onError = (error: Error) => this.dropped(client, error);
    const onEnd = () => this.dropped(client, new Error(`${this.options.name} LISTEN connection ended`));
    const onNotification = (n: Notification) => {
      if (n.channel === this.options.channel) this.options.onNotify(n.payload);
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
      await client.query(`LISTEN ${this.options.channel}`);
    } catch (e) {
      discard(client, detach, asError(e));
      throw e;
    }
    if (this.stopped) {
      // Stopped while connecting: end the session rather than pool a client that is LISTENing.
      discard(client, detach, true);
      return;
    }
    this.client = client;
    this.detach = detach;
    this.retryMs = this.options.retryMs ?? 100;
  }

  private dropped(client: PoolClient, error: Error): void {
    if (this.client !== client) return;
    this.client = null;
    this.options.onDropped?.(error);
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
    // A pending reconnect alone keeps no process alive: whoever listens has work of its own that does.
    this.retryTimer.unref();
  }
}

/**
 * Ends a client's session instead of pooling it. An error listener stays: a broken client may still emit, and an
 * unheard 'error' ends the process.
 */
function discard(client: PoolClient, detach: () => void, reason: Error | true): void {
  client.on('error', () => undefined);
  detach();
  client.release(reason);
}

function asError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}
