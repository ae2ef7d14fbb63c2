/**
 * What a service does when asked to stop, in order:
 * 1. `begin`: readiness turns 503 and gRPC health NOT_SERVING at once (listeners are told synchronously);
 * 2. the drain delay, then the `stop` hooks: background work ends after its current batch (subscriptions stop
 *    and save their checkpoint);
 * 3. the doors close, waiting for requests in flight;
 * 4. the `close` hooks: pools and clients.
 * Hooks of a phase run one after another, last registered first (what started last depends on what started
 * first). A failing or slow hook is logged and does not keep the others from running.
 *
 *   constructor(shutdown: ShutdownRegistry) { shutdown.register('crms.rif-index', () => this.subscription.stop()); }
 */

export type ShutdownPhase = 'stop' | 'close';

export interface ShutdownLog {
  info(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

interface Hook {
  readonly name: string;
  readonly phase: ShutdownPhase;
  readonly run: () => Promise<void> | void;
}

export class ShutdownRegistry {
  private reason: string | undefined;
  private readonly listeners = new Set<(reason: string) => void>();
  private readonly hooks: Hook[] = [];

  constructor(
    private readonly log: ShutdownLog,
    /** Longest a single hook may take before the next one runs anyway. */
    private readonly hookTimeoutMs = 10_000,
  ) {}

  get isShuttingDown(): boolean {
    return this.reason !== undefined;
  }

  /** Starts the shutdown (idempotent). Synchronous, so it can run first thing in a signal handler. */
  begin(reason: string): void {
    if (this.reason !== undefined) return;
    this.reason = reason;
    this.log.info({ reason }, 'shutdown started');
    for (const listener of [...this.listeners]) {
      try {
        listener(reason);
      } catch (err) {
        this.log.error({ err }, 'shutdown listener failed');
      }
    }
  }

  /** Called once when shutdown begins (at once if it already has). Returns a function that unsubscribes. */
  onShutdownBegin(listener: (reason: string) => void): () => void {
    if (this.reason !== undefined) {
      listener(this.reason);
      return () => undefined;
    }
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Registers work to do at shutdown; `stop` (default) runs before the doors close, `close` after. */
  register(name: string, run: () => Promise<void> | void, options: { readonly phase?: ShutdownPhase } = {}): () => void {
    const hook: Hook = { name, phase: options.phase ?? 'stop', run };
    this.hooks.push(hook);
    return () => {
      const i = this.hooks.indexOf(hook);
      if (i >= 0) this.hooks.splice(i, 1);
    };
  }

  async runPhase(phase: ShutdownPhase): Promise<void> {
    const hooks = this.hooks.filter((h) => h.phase === phase).reverse();
    for (const hook of hooks) {
      const started = Date.now();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), this.hookTimeoutMs);
      });
      try {
        const result = await Promise.race([Promise.resolve().then(hook.run), timeout]);
        if (result === 'timeout') this.log.error({ hook: hook.name, phase, timeoutMs: this.hookTimeoutMs }, 'shutdown hook timed out');
        else this.log.info({ hook: hook.name, phase, durationMs: Date.now() - started }, 'shutdown hook done');
      } catch (err) {
        this.log.error({ hook: hook.name, phase, err }, 'shutdown hook failed');
      } finally {
        clearTimeout(timer);
      }
    }
  }
}
