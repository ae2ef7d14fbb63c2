/**
 * The grpc.health.v1 view of readiness, for "" (the whole server) and for the names this service answers to
 * (its SERVICE_NAME and its fully qualified gRPC services). Watch streams end when shutdown begins, after a
 * last NOT_SERVING, so they never hold the gRPC server open.
 */
import { Observable } from 'rxjs';
import type { ShutdownRegistry } from '../shutdown/shutdown-registry';
import type { ReadinessChecks } from './readiness-checks';

export type HealthStatus = 'SERVING' | 'NOT_SERVING' | 'SERVICE_UNKNOWN';

export class ServingStatus {
  private readonly names: Set<string>;

  constructor(
    private readonly readiness: ReadinessChecks,
    private readonly shutdown: ShutdownRegistry,
    names: readonly string[],
    private readonly watchPollMs = 5_000,
  ) {
    this.names = new Set(['', ...names]);
  }

  /** Adds the fully qualified names of the gRPC services the server exposes, once their protos are loaded. */
  addServiceNames(names: readonly string[]): void {
    for (const name of names) this.names.add(name);
  }

  knows(service: string): boolean {
    return this.names.has(service);
  }

  async current(): Promise<'SERVING' | 'NOT_SERVING'> {
    return (await this.readiness.evaluate()).ready ? 'SERVING' : 'NOT_SERVING';
  }

  /** Emits the status now and on every change; per the protocol, an unknown name gets SERVICE_UNKNOWN. */
  watch(service: string): Observable<HealthStatus> {
    return new Observable<HealthStatus>((subscriber) => {
      let last: HealthStatus | undefined;
      let ended = false;
      const emit = (status: HealthStatus): void => {
        if (ended || status === last) return;
        last = status;
        subscriber.next(status);
      };
      const poll = (): void => {
        if (!this.knows(service)) return emit('SERVICE_UNKNOWN');
        this.current().then(emit, () => emit('NOT_SERVING'));
      };
      poll();
      const timer = setInterval(poll, this.watchPollMs);
      timer.unref();
      const unsubscribeShutdown = this.shutdown.onShutdownBegin(() => {
        emit('NOT_SERVING');
        ended = true;
        subscriber.complete();
      });
      return () => {
        ended = true;
        clearInterval(timer);
        unsubscribeShutdown();
      };
    });
  }
}
