/**
 * Signs integrity checkpoints over the global log on a schedule, on instances given CHECKPOINT_SIGNING_KEY_FILE.
 * Several signing replicas are safe: createCheckpoint serialises them on an advisory lock and a run with nothing
 * new writes nothing, unless the last checkpoint is older than CHECKPOINT_HEARTBEAT_MS: then it is signed again. KurrentDB keeps no hash chain, so there is nothing to sign there.
 */
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { PostgresCheckpointer, PostgresEventStore, type EventStore } from '@ics2/event-store';
import type { PlatformRuntime } from '../bootstrap/platform-runtime';
import { PLATFORM_RUNTIME } from '../platform.tokens';
import { EVENT_STORE } from './event-sourcing.tokens';
import { InstrumentedEventStore } from './instrumented-event-store';

@Injectable()
export class IntegrityCheckpointer implements OnApplicationBootstrap {
  private checkpointer: PostgresCheckpointer | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PLATFORM_RUNTIME) private readonly runtime: PlatformRuntime,
  ) {}

  get isRunning(): boolean {
    return this.checkpointer !== null;
  }

  onApplicationBootstrap(): void {
    const signer = this.runtime.checkpointSigner;
    if (!signer) return;
    const inner = this.store instanceof InstrumentedEventStore ? this.store.inner : this.store;
    if (!(inner instanceof PostgresEventStore)) {
      this.runtime.logger.warn('CHECKPOINT_SIGNING_KEY_FILE is set, but the event store keeps no hash chain: no checkpoints signed');
      return;
    }
    const log = this.runtime.logger.child({ component: 'integrity-checkpointer', keyId: signer.keyId });
    const heartbeatMs = this.runtime.config.CHECKPOINT_HEARTBEAT_MS ?? 5 * this.runtime.config.CHECKPOINT_INTERVAL_MS;
    const checkpointer = new PostgresCheckpointer(inner.pool, signer, {
      intervalMs: this.runtime.config.CHECKPOINT_INTERVAL_MS,
      heartbeatMs,
      trustedKeys: this.runtime.trustedCheckpointKeys,
      onCheckpoint: (c, heartbeat) => log.info({ checkpointId: c.id, eventCount: c.eventCount, heartbeat }, 'integrity checkpoint signed'),
      onError: (err) => log.error({ err }, 'integrity checkpoint failed; retrying at the next interval'),
    });
    checkpointer.start();
    this.checkpointer = checkpointer;
    this.runtime.shutdown.register('integrity checkpointer', () => checkpointer.stop());
    log.info({ intervalMs: this.runtime.config.CHECKPOINT_INTERVAL_MS, heartbeatMs }, 'integrity checkpointer started');
  }

  /** Signs a checkpoint now; for tests and operators. Null when this instance does not sign. */
  async checkpointNow() {
    return this.checkpointer ? this.checkpointer.checkpointNow() : null;
  }
}
