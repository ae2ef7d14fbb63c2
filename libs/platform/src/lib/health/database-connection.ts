/**
 * The service's PostgreSQL pool (application role), when DATABASE_URL is set. Readiness runs `select 1` on it;
 * it is closed after the doors, in the `close` phase of shutdown. Other code injects `DatabaseConnection` and
 * takes `.pool` instead of opening pools of its own.
 */
import { Pool } from 'pg';
import type { PlatformLogger } from '../logging/logger';
import type { ReadinessChecks } from './readiness-checks';
import type { ShutdownRegistry } from '../shutdown/shutdown-registry';

export interface DatabaseSettings {
  readonly url: string | undefined;
  readonly poolMax: number;
  readonly applicationName: string;
}

export class DatabaseConnection {
  private readonly maybePool: Pool | undefined;

  constructor(settings: DatabaseSettings, logger: PlatformLogger) {
    if (!settings.url) return;
    this.maybePool = new Pool({
      connectionString: settings.url,
      max: settings.poolMax,
      application_name: settings.applicationName,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
    });
    // An idle client losing its connection emits here; unhandled, it would crash the process.
    this.maybePool.on('error', (err) => logger.warn({ err }, 'idle database connection failed'));
  }

  get isConfigured(): boolean {
    return this.maybePool !== undefined;
  }

  get pool(): Pool {
    if (!this.maybePool) throw new Error('DATABASE_URL is not set: this service has no database pool');
    return this.maybePool;
  }

  async ping(): Promise<void> {
    await this.pool.query('select 1');
  }

  /** Wires readiness and shutdown; a no-op without a database. */
  attach(readiness: ReadinessChecks, shutdown: ShutdownRegistry): void {
    if (!this.maybePool) return;
    const pool = this.maybePool;
    readiness.register('database', () => this.ping());
    shutdown.register('database pool', () => pool.end(), { phase: 'close' });
  }
}
