/**
 * The linking timer (ics2-reference 7.2, PET12): a master still missing houses LINKING_DELAY_MS after it was
 * registered gets link proposals for the responsible Member State: open, unlinked house filings of its family that
 * share a container number or shipping marks with it. Runs every LINKING_TIMER_INTERVAL_MS on the injected clock;
 * replicas share the due masters (FOR UPDATE SKIP LOCKED) and each master is looked at once.
 */
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { systemActor } from '@ics2/domain';
import { CLOCK, PLATFORM_LOGGER, ReadModelDatabase, SERVICE_CONFIG, ShutdownRegistry, type Clock, type PlatformLogger } from '@ics2/platform';
import type { CommonRepositoryConfig } from '../service.config';
import { FilingCommands } from '../doors/filing-commands';
import { LinkingKeys, matchTermsOf, type LinkingKeyRow, type MatchTerms } from './linking-keys';

const actor = systemActor('common-repository.linking-timer');
const BATCH = 200;

@Injectable()
export class LinkingTimerProcessor implements OnApplicationBootstrap {
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
    if (this.config.LINKING_TIMER_INTERVAL_MS === 0) return;
    const tick = () => {
      this.running = this.runOnce(this.clock.now())
        .catch((err: unknown) => this.logger.error({ err }, 'linking timer run failed'))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, this.config.LINKING_TIMER_INTERVAL_MS).unref();
        });
    };
    this.timer = setTimeout(tick, this.config.LINKING_TIMER_INTERVAL_MS).unref();
    this.shutdown.register('linking timer', async () => {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      await this.running;
    });
  }

  /** One pass at instant `now`: proposals for every master whose timer ran out. Returns how many masters it saw. */
  async runOnce(now: Date): Promise<number> {
    const due = new Date(now.getTime() - this.config.LINKING_DELAY_MS);
    return this.db.inTransaction(async (tx) => {
      const keys = new LinkingKeys(tx);
      const masters = await keys.dueMasters(due, BATCH);
      for (const master of masters) {
        // From the master's own stream: a house some of whose data is still awaited (an F16 without its F17) is missing.
        const state = await this.commands.stateOf(master.mrn);
        const missing = state.status === 'none' ? [] : state.missing;
        const terms = matchTermsOf(master.houses);
        for (const candidate of await keys.candidateHouses(master.link_family, terms)) {
          const matchedOn = matchesOf(terms, candidate);
          for (const doc of matchedOn.length ? missing : []) {
            await this.commands.run({
              mrn: master.mrn,
              command: { type: 'ProposeLink', data: { candidateMrn: candidate.mrn, houseDocument: doc, matchedOn, at: now.toISOString() } },
              commandId: `propose-${master.mrn}-${candidate.mrn}`,
              actor,
              at: now,
            });
            break;
          }
        }
        await keys.timerDone(master.mrn);
      }
      return masters.length;
    });
  }
}

/** What a master (its terms) and a candidate house share besides the linking key: container numbers, shipping marks. */
function matchesOf(master: MatchTerms, candidate: LinkingKeyRow): string[] {
  const theirs = matchTermsOf(candidate.houses);
  const matched: string[] = [];
  if (theirs.containers.some((c) => master.containers.includes(c))) matched.push('container');
  if (theirs.shippingMarks.some((m) => master.shippingMarks.includes(m))) matched.push('shipping-marks');
  return matched;
}
