/**
 * The linking timer (ics2-reference 7.2, PET12): a master still missing houses LINKING_DELAY_MS after it was
 * registered gets link proposals for the responsible Member State: open, unlinked house filings of its family that
 * share a container number or shipping marks with it, each for the missing house document whose own entry in the
 * master shares them (proposalOf). Runs every LINKING_TIMER_INTERVAL_MS on the injected clock;
 * replicas share the due masters (FOR UPDATE SKIP LOCKED) and each master is looked at once.
 */
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { systemActor } from '@ics2/domain';
import { CLOCK, PLATFORM_LOGGER, ReadModelDatabase, SERVICE_CONFIG, ShutdownRegistry, type Clock, type PlatformLogger } from '@ics2/platform';
import type { CommonRepositoryConfig } from '../service.config';
import { FilingCommands } from '../doors/filing-commands';
import { LinkingKeys, matchTermsOf, type HouseFacts, type LinkingKeyRow, type MatchTerms } from './linking-keys';

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
        const missingTerms = termsOfMissing(master.houses, missing);
        for (const candidate of await keys.candidateHouses(master.link_family, terms)) {
          const proposal = proposalOf(terms, missingTerms, candidate);
          if (!proposal) continue;
          await this.commands.run({
            mrn: master.mrn,
            command: { type: 'ProposeLink', data: { candidateMrn: candidate.mrn, ...proposal, at: now.toISOString() } },
            commandId: `propose-${master.mrn}-${candidate.mrn}`,
            actor,
            at: now,
          });
        }
        await keys.timerDone(master.mrn);
      }
      return masters.length;
    });
  }
}

/**
 * The missing house document a candidate is proposed for, and what matched: a house filing is one house, so one
 * proposal per candidate (ProposeLink, EnsLinkProposed and ListLinkProposals each name one document). It is the
 * missing document whose own entry in the master shares the most kinds of data with the candidate (a container and
 * a shipping mark before either alone), the first in the master's order among equals. [U] When no missing
 * document's entry shares any (the candidate matches only houses already filed, or the master's entries carry no
 * data of their own), the first missing document, on what the candidate shares with the master as a whole.
 */
function proposalOf(
  terms: MatchTerms,
  missing: readonly MissingHouse[],
  candidate: LinkingKeyRow,
): { houseDocument: string; matchedOn: string[] } | null {
  const theirs = matchTermsOf(candidate.houses);
  const matchedOn = sharedBy(terms, theirs);
  if (matchedOn.length === 0 || missing.length === 0) return null;
  let best: { houseDocument: string; matchedOn: string[] } | null = null;
  for (const { houseDocument, terms: own } of missing) {
    const shared = sharedBy(own, theirs);
    if (shared.length > (best?.matchedOn.length ?? 0)) best = { houseDocument, matchedOn: shared };
  }
  return best ?? { houseDocument: missing[0].houseDocument, matchedOn };
}

/** A house document the master still misses, with the terms of its own entries in the master. */
interface MissingHouse {
  readonly houseDocument: string;
  readonly terms: MatchTerms;
}

/** Once per master: the same for every candidate. */
function termsOfMissing(houses: readonly HouseFacts[], missing: readonly string[]): MissingHouse[] {
  return missing.map((houseDocument) => ({ houseDocument, terms: matchTermsOf(houses.filter((h) => h.houseDocument === houseDocument)) }));
}

/** What two sets of match terms share: container numbers, shipping marks. */
function sharedBy(ours: MatchTerms, theirs: MatchTerms): string[] {
  const matched: string[] = [];
  if (theirs.containers.some((c) => ours.containers.includes(c))) matched.push('container');
  if (theirs.shippingMarks.some((m) => ours.shippingMarks.includes(m))) matched.push('shipping-marks');
  return matched;
}
