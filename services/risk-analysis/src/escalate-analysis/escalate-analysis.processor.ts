/**
 * The deadline timer (issue 4, "Timers"): every ESCALATION_INTERVAL_MS, on the injected clock, open analyses past
 * their deadline are escalated to the risk unit (RiskAnalysisEscalated, a signal). The read model names the
 * candidates; the decider decides on each ENS's own stream, so an analysis concluded meanwhile is left alone.
 */
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { systemActor } from '@ics2/domain';
import { CLOCK, PLATFORM_LOGGER, ReadModelDatabase, SERVICE_CONFIG, ShutdownRegistry, type Clock, type PlatformLogger } from '@ics2/platform';
import { RiskCommands } from '../doors/risk-commands';
import { HELD_SQL } from '../read-models/analyses/analysis.row';
import type { RiskAnalysisConfig } from '../service.config';

const actor = systemActor('risk-analysis.deadlines');

@Injectable()
export class EscalateAnalysisProcessor implements OnApplicationBootstrap {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: ReadModelDatabase,
    private readonly commands: RiskCommands,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: RiskAnalysisConfig,
    @Inject(PLATFORM_LOGGER) private readonly logger: PlatformLogger,
    private readonly shutdown: ShutdownRegistry,
  ) {}

  onApplicationBootstrap(): void {
    const interval = this.config.ESCALATION_INTERVAL_MS;
    if (interval === 0) return;
    const tick = () => {
      this.running = this.runOnce(this.clock.now())
        .catch((err: unknown) => this.logger.error({ err }, 'escalation run failed'))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, interval).unref();
        });
    };
    this.timer = setTimeout(tick, interval).unref();
    this.shutdown.register('escalation', async () => {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      await this.running;
    });
  }

  /** Escalates every analysis due at `now`; returns the ENS MRNs looked at. */
  async runOnce(now: Date): Promise<string[]> {
    // A held analysis never escalates (the decider says so): left out, it cannot crowd the limit while it waits.
    const due: { mrn: string }[] = await this.db.manager.query(
      `SELECT DISTINCT mrn FROM risk_analysis.analyses WHERE status = 'awaiting-risk-unit' AND NOT escalated AND due_at <= $1 AND NOT (${HELD_SQL}) LIMIT 1000`,
      [now],
    );
    for (const { mrn } of due) await this.commands.risk(mrn, { type: 'Escalate', data: { at: now.toISOString() } }, `escalate-${mrn}-${now.toISOString()}`, actor, now);
    return due.map((d) => d.mrn);
  }
}
