/**
 * The 200-day timer (ics2-reference 10): every EXPIRY_INTERVAL_MS, on the injected clock, filings registered 200 days
 * ago and never presented (nor invalidated, nor rejected, nor part of a presented ENS: a house of a presented master,
 * a master of a presented house) are invalidated automatically. The read model names the candidates; the decider
 * decides on each filing's own stream, so a filing presented meanwhile is left alone.
 */
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { systemActor } from '@ics2/domain';
import { CLOCK, PLATFORM_LOGGER, ReadModelDatabase, SERVICE_CONFIG, ShutdownRegistry, type Clock, type PlatformLogger } from '@ics2/platform';
import { FilingCommands } from '../doors/filing-commands';
import { EXPIRY_DAYS } from '../domain/rules/expiry';
import type { CommonRepositoryConfig } from '../service.config';

const actor = systemActor('common-repository.expiry');
const BATCH = 500;
const DAY_MS = 86_400_000;

@Injectable()
export class ExpireFilingProcessor implements OnApplicationBootstrap {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: ReadModelDatabase,
    private readonly commands: FilingCommands,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: CommonRepositoryConfig,
    @Inject(PLATFORM_LOGGER) private readonly logger: PlatformLogger,
    private readonly shutdown: ShutdownRegistry,
  ) {}

  onApplicationBootstrap(): void {
    const interval = this.config.EXPIRY_INTERVAL_MS;
    if (interval === 0) return;
    const tick = () => {
      this.running = this.runOnce(this.clock.now())
        .catch((err: unknown) => this.logger.error({ err }, 'expiry run failed'))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, interval).unref();
        });
    };
    this.timer = setTimeout(tick, interval).unref();
    this.shutdown.register('expiry', async () => {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      await this.running;
    });
  }

  /** Expires every filing due at `now`; returns the MRNs invalidated. */
  async runOnce(now: Date): Promise<string[]> {
    const cutoff = new Date(now.getTime() - EXPIRY_DAYS * DAY_MS);
    const seen: string[] = [];
    const expired: string[] = [];
    for (;;) {
      // A filing part of whose ENS was presented (a house's master, a master's house) is not picked: that stopped its timer.
      const due: { mrn: string }[] = await this.db.manager.query(
        `SELECT mrn FROM common_repository.filing_view
         WHERE status NOT IN ('presented', 'invalidated', 'rejected') AND ens_presented_at IS NULL AND registered_at <= $1 AND NOT (mrn = ANY($2))
         ORDER BY registered_at LIMIT $3`,
        [cutoff, seen, BATCH],
      );
      if (due.length === 0) return expired;
      for (const { mrn } of due) {
        const outcome = await this.commands.run({ mrn, command: { type: 'ExpireFiling', data: { at: now.toISOString() } }, commandId: `expire-${mrn}`, actor, at: now });
        seen.push(mrn);
        if (outcome.kind === 'appended') expired.push(mrn);
        else this.logger.debug({ mrn, outcome: outcome.kind }, 'filing not expired');
      }
    }
  }
}
