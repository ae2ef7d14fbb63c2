/**
 * The linking timer (ics2-reference 7.2, PET12): a master still missing houses LINKING_DELAY_MS after it was
 * registered gets link proposals for the responsible Member State: open, unlinked house filings of its family that
 * share a container number or shipping marks with it, each for the missing house document whose own entry in the
 * master shares them (proposalOf). Runs every LINKING_TIMER_INTERVAL_MS on the injected clock;
 * replicas share the due masters (each claimed FOR UPDATE SKIP LOCKED in a transaction of its own) and each master
 * is looked at once, unless its proposals fail: then it is looked at again at the next run.
 */
import { createHash } from 'node:crypto';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { systemActor } from '@ics2/domain';
import { CLOCK, PLATFORM_LOGGER, ReadModelDatabase, SERVICE_CONFIG, ShutdownRegistry, type Clock, type PlatformLogger } from '@ics2/platform';
import type { LinkProposal } from '../domain/filing.commands';
import type { CommonRepositoryConfig } from '../service.config';
import { FilingCommands } from '../doors/filing-commands';
import { LinkingKeys, matchTermsOf, type CandidateHouse, type DueMaster, type HouseFacts, type LinkingKeyRow, type MatchTerms } from './linking-keys';

const actor = systemActor('common-repository.linking-timer');

@Injectable()
export class LinkingTimerProcessor implements OnApplicationBootstrap {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  /** Set at shutdown: a pass stops after the master it is on. */
  private stopping = false;

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
      this.stopping = true;
      await this.running;
    });
  }

  /**
   * One pass at instant `now`: proposals for every master whose timer ran out, each master in a transaction of its
   * own (claimed, proposed for, marked done), so its row is locked only while its own proposals are appended. A master
   * whose proposals fail is logged and left as it was (not done): the pass goes on with the next, and the next pass
   * looks at it again. Returns how many masters it looked at.
   */
  async runOnce(now: Date): Promise<number> {
    const due = new Date(now.getTime() - this.config.LINKING_DELAY_MS);
    let after: DueMaster | null = null;
    let seen = 0;
    while (!this.stopping) {
      const claimed: { master: DueMaster | null } = { master: null };
      try {
        await this.db.inTransaction(async (tx) => {
          const keys = new LinkingKeys(tx);
          claimed.master = await keys.claimDueMaster(due, after);
          if (claimed.master) await this.propose(keys, claimed.master, now);
        });
      } catch (err) {
        // No master claimed: the database failed, not a master; the tick logs it and the next one starts again.
        if (!claimed.master) throw err;
        this.logger.error({ err, mrn: claimed.master.mrn }, 'linking timer: proposals for a master failed, looked at again next run');
      }
      if (!claimed.master) return seen;
      after = claimed.master;
      seen++;
    }
    return seen;
  }

  /** Proposals for one master, then its timer is done: inside the transaction holding its row. */
  private async propose(keys: LinkingKeys, master: DueMaster, now: Date): Promise<void> {
    // From the master's own stream: a house some of whose data is still awaited (an F16 without its F17) is missing.
    const state = await this.commands.stateOf(master.mrn);
    const missing = state.status === 'none' ? [] : state.missing;
    // A master looked at again after a failure: what it proposed then is in its stream, and is not run again
    // (the command id would only replay it, at the cost of reading the stream once more).
    const proposed = new Set(state.status === 'none' ? [] : state.proposals);
    const terms = matchTermsOf(master.houses);
    const missingTerms = termsOfMissing(master.houses, missing);
    // A page of candidates at a time, each page one command: one read of the master's stream and one append per
    // page, where a command per candidate read the stream (grown by every proposal before it) again for each. A
    // master missing no document has none to propose, however many houses share its data.
    const perAppend = this.config.LINKING_PROPOSALS_PER_APPEND;
    let after: CandidateHouse | null = null;
    while (missing.length > 0) {
      const page: CandidateHouse[] = await keys.candidateHouses(master.link_family, terms, perAppend, after);
      const proposals: LinkProposal[] = [];
      for (const candidate of page) {
        if (proposed.has(candidate.mrn)) continue;
        const proposal = proposalOf(terms, missingTerms, candidate);
        if (proposal) proposals.push({ candidateMrn: candidate.mrn, ...proposal });
      }
      if (proposals.length > 0) {
        await this.commands.run({
          mrn: master.mrn,
          command: { type: 'ProposeLinks', data: { proposals, at: now.toISOString() } },
          commandId: proposalsCommandId(master.mrn, proposals),
          actor,
          at: now,
        });
      }
      if (page.length < perAppend) break;
      after = page[page.length - 1];
    }
    await keys.timerDone(master.mrn);
  }
}

/**
 * Names the proposals, not the run: the same proposals sent again replay the append they made, and proposals that
 * differ (a retried master that has new candidates) are a command of their own, never taken for a replay.
 */
function proposalsCommandId(masterMrn: string, proposals: readonly LinkProposal[]): string {
  const digest = createHash('sha256');
  for (const p of proposals) digest.update(`${p.candidateMrn}\n${p.houseDocument}\n`);
  return `propose-${masterMrn}-${digest.digest('hex').slice(0, 32)}`;
}

/**
 * The missing house document a candidate is proposed for, and what matched: a house filing is one house, so one
 * proposal per candidate (ProposeLinks, EnsLinkProposed and ListLinkProposals each name one document). It is the
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
