/**
 * The end of a RIF's validity: every RIF_EXPIRY_INTERVAL_MS, on the injected clock, published RIFs whose validity
 * ended are expired. The read model names the candidates; the decider decides on each RIF's own stream, so a RIF
 * closed meanwhile is left alone. An active risk profile is deactivated with it (expire-rif.ts).
 */
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { systemActor } from '@ics2/domain';
import { CLOCK, PLATFORM_LOGGER, ReadModelDatabase, SERVICE_CONFIG, ShutdownRegistry, type Clock, type PlatformLogger } from '@ics2/platform';
import { CrmsCommands } from '../doors/crms-commands';
import type { CrmsConfig } from '../service.config';

const actor = systemActor('crms.rif-expiry');
const BATCH = 500;

@Injectable()
export class ExpireRifProcessor implements OnApplicationBootstrap {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: ReadModelDatabase,
    private readonly commands: CrmsCommands,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: CrmsConfig,
    @Inject(PLATFORM_LOGGER) private readonly logger: PlatformLogger,
    private readonly shutdown: ShutdownRegistry,
  ) {}

  onApplicationBootstrap(): void {
    const interval = this.config.RIF_EXPIRY_INTERVAL_MS;
    if (interval === 0) return;
    const tick = () => {
      this.running = this.runOnce(this.clock.now())
        .catch((err: unknown) => this.logger.error({ err }, 'RIF expiry run failed'))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, interval).unref();
        });
    };
    this.timer = setTimeout(tick, interval).unref();
    this.shutdown.register('rif expiry', async () => {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      await this.running;
    });
  }

  /** Expires every RIF due at `now`; returns the ids expired. */
  async runOnce(now: Date): Promise<string[]> {
    const expired: string[] = [];
    const seen: string[] = [];
    for (;;) {
      const due: { rif_id: string }[] = await this.db.manager.query(
        `SELECT rif_id FROM crms.rifs WHERE status = 'published' AND valid_to <= $1 AND NOT (rif_id = ANY($2)) ORDER BY valid_to, rif_id LIMIT $3`,
        [now, seen, BATCH],
      );
      if (due.length === 0) return expired;
      for (const { rif_id: rifId } of due) {
        seen.push(rifId);
        const outcome = await this.commands.rif(rifId, { type: 'ExpireRif', data: { at: now.toISOString() } }, { commandId: `ExpireRif:${rifId}`, actor, at: now });
        if (outcome.kind === 'appended' || outcome.kind === 'replayed') expired.push(rifId);
        else this.logger.debug({ rifId, outcome: outcome.kind }, 'RIF not expired');
      }
    }
  }
}
