/**
 * "Can this instance serve?" A service is ready when it is not shutting down and every registered dependency
 * check passes within its time limit. Checks are registered by whoever owns the dependency (the database pool
 * registers `select 1`); HTTP /health/ready and gRPC health both read this.
 */
import type { ShutdownRegistry } from '../shutdown/shutdown-registry';

/** Resolves when the dependency is usable; rejects (or times out) when not. */
export type ReadinessCheck = () => Promise<unknown>;

export interface ReadinessReport {
  readonly ready: boolean;
  readonly shuttingDown: boolean;
  readonly checks: Readonly<Record<string, 'ok' | 'failing' | 'timeout'>>;
}

export class ReadinessChecks {
  private readonly checks = new Map<string, ReadinessCheck>();

  constructor(
    private readonly shutdown: ShutdownRegistry,
    private readonly timeoutMs = 2_000,
  ) {}

  register(name: string, check: ReadinessCheck): void {
    if (this.checks.has(name)) throw new Error(`readiness check ${name} is registered twice`);
    this.checks.set(name, check);
  }

  async evaluate(): Promise<ReadinessReport> {
    const entries = await Promise.all([...this.checks].map(async ([name, check]) => [name, await this.run(check)] as const));
    const checks = Object.fromEntries(entries);
    const shuttingDown = this.shutdown.isShuttingDown;
    return { ready: !shuttingDown && entries.every(([, r]) => r === 'ok'), shuttingDown, checks };
  }

  private async run(check: ReadinessCheck): Promise<'ok' | 'failing' | 'timeout'> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.timeoutMs);
    });
    try {
      return await Promise.race([Promise.resolve().then(check).then(() => 'ok' as const), timeout]);
    } catch {
      return 'failing';
    } finally {
      clearTimeout(timer);
    }
  }
}
