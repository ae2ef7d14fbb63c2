/**
 * One analysis of an ENS for a phase: the members' filings as they stand, the risk subject, the active criteria
 * compiled for now, the engine's hits, and the Analyse command on `risk-<head>`. The deadline and the manual-review
 * policy come from the configuration; the command id from what caused the analysis, so a redelivered event
 * analyses once.
 */
import { readFileSync } from 'node:fs';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { houseConsignmentsOf, type EnsFiling, type RiskAnalysisPhase, type RiskAnalysisTrigger } from '@ics2/contracts';
import { CLOCK, SERVICE_CONFIG, type Clock } from '@ics2/platform';
import { CriteriaCatalogue } from '../criteria-catalogue/criteria-catalogue';
import { houseDocumentsOf, riskSubjectOf } from '../domain/criteria/risk-subject';
import { involvedInEns } from '../domain/risk/involved-member-states';
import { RISK_ENGINE } from '../domain/risk/risk.actors';
import { RiskCommands, type RiskOutcome } from '../doors/risk-commands';
import { manualReviewStates, type RiskAnalysisConfig } from '../service.config';
import { latestCompletions, readFiling, type FilingSnapshot } from './ens-snapshot';

const actor = RISK_ENGINE;

/**
 * A member's filing is not in the store (yet): the completion naming it was read before the member's own events.
 * Thrown, not returned: the subscription then retries the batch (backing off, logged each time) instead of moving
 * its checkpoint past an ENS that would never be analysed. [U] No permanent case: the common repository registers a
 * filing before any completion names it, so a missing one is a lag; there is no parking, so one that never arrives
 * holds its intake partition back, seen in the logs.
 */
export class FilingNotReadableError extends Error {
  constructor(readonly head: string, readonly missing: readonly string[]) {
    super(`ENS ${head}: filings ${missing.join(', ')} not readable yet`);
    this.name = 'FilingNotReadableError';
  }
}

/** The house transport documents a filing declares, each once. */
const declaredHouseDocuments = (filing: EnsFiling): string[] => [
  ...new Set(houseConsignmentsOf(filing).map((h) => h.transportDocumentHouseLevel?.documentNumber).filter((d): d is string => !!d)),
];

@Injectable()
export class AnalyseFilingHandler implements OnModuleInit {
  private aeo: ReadonlySet<string> = new Set();
  private manualReview: ReadonlySet<string> = new Set();

  constructor(
    private readonly commands: RiskCommands,
    private readonly catalogue: CriteriaCatalogue,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: RiskAnalysisConfig,
  ) {}

  onModuleInit(): void {
    const list = JSON.parse(readFileSync(this.config.AEO_OPERATORS_FILE, 'utf8')) as unknown;
    if (!Array.isArray(list) || !list.every((e) => typeof e === 'string')) throw new Error(`${this.config.AEO_OPERATORS_FILE}: a JSON array of EORIs`);
    this.aeo = new Set(list);
    this.manualReview = manualReviewStates(this.config);
  }

  /** One filing as it stands, from its stream. */
  filing(mrn: string) {
    return readFiling(this.commands.store, mrn);
  }

  /**
   * The members of the ENS headed by `head` as it stands for `phase`: its latest completion of that phase, from the
   * head's own stream (null if it has none). Not `ens_filings.members`: another subscription writes it, so it may
   * lag behind a completion with a refiled house, and it does not tell the phases apart.
   */
  async currentMembers(head: string, phase: RiskAnalysisPhase): Promise<readonly string[] | null> {
    const snapshot = await this.filing(head);
    return (snapshot && latestCompletions(snapshot).find((c) => c.phase === phase)?.members) ?? null;
  }

  /**
   * The common repository released `unlinkedMrn`'s link to the filing `mrn` (EnsFilingUnlinked on its stream): the
   * open analyses of the ENS it heads that name it await the ENS's completion (the decider says which). A filing
   * heading no ENS analysed has an empty risk stream: nothing is written.
   */
  noteUnlinked(mrn: string, unlinkedMrn: string, causeId: string): Promise<RiskOutcome> {
    const now = this.clock.now();
    return this.commands.risk(mrn, { type: 'NoteMemberUnlinked', data: { unlinkedMrn, at: now.toISOString() } }, `unlinked-${mrn}-${causeId}`, actor, now, causeId);
  }

  /** Analyses the ENS headed by `head` (with `members`, head first); throws FilingNotReadableError while a member's filing is not in the store. */
  async analyse(head: string, members: readonly string[], phase: RiskAnalysisPhase, trigger: RiskAnalysisTrigger, causeId: string): Promise<RiskOutcome> {
    const snapshots = await Promise.all(members.map((m) => readFiling(this.commands.store, m)));
    const missing = members.filter((_, i) => snapshots[i] === null);
    if (missing.length > 0) throw new FilingNotReadableError(head, missing);
    const [headSnapshot, ...others] = snapshots;
    if (!headSnapshot) throw new FilingNotReadableError(head, [head]);
    const now = this.clock.now();
    const rms = headSnapshot.responsibleMemberState ?? undefined;
    const subject = riskSubjectOf(headSnapshot.filing, {
      mrn: head,
      phase,
      members: others.map((s) => s!.filing),
      consistency: headSnapshot.consistency,
      aeoOperators: this.aeo,
      responsibleMemberState: rms,
    });
    const engine = this.catalogue.compiledAt(now);
    const assessment = engine.evaluate(subject);
    const deadline = phase === 'pre-loading' ? this.config.PRE_LOADING_DEADLINE_MS : this.config.PRE_ARRIVAL_DEADLINE_MS;
    return this.commands.risk(
      head,
      {
        type: 'Analyse',
        data: {
          mrn: head,
          phase,
          trigger,
          members,
          responsibleMemberState: assessment.responsibleMemberState,
          involvedMemberStates: involvedInEns(assessment.responsibleMemberState, snapshots as FilingSnapshot[]),
          personFiling: headSnapshot.parties.filedBy,
          ...(headSnapshot.parties.carrier ? { carrier: headSnapshot.parties.carrier } : {}),
          // Whom IE3N03 goes to besides: the person filing of each member, about its own filing.
          memberFilers: members.map((mrn, i) => ({ mrn, personFiling: snapshots[i]!.parties.filedBy, houseDocuments: declaredHouseDocuments(snapshots[i]!.filing) })),
          // Each person filing holding AEO status (a house's filer is the person filing of its part of the ENS), and the carrier.
          aeoParties: [...new Set([headSnapshot.parties.filedBy, headSnapshot.parties.carrier, ...others.map((s) => s!.parties.filedBy)])].filter(
            (p): p is string => !!p && this.aeo.has(p),
          ),
          // What a referral or do-not-load on this analysis may name.
          houseDocuments: houseDocumentsOf(subject),
          // Only the versions that apply to this analysis: a change to any other is no reason to re-analyse it.
          criteria: engine.applicable(phase, assessment.responsibleMemberState),
          hits: assessment.hits,
          totalScore: assessment.totalScore,
          manualReview: this.manualReview.has(assessment.responsibleMemberState),
          analysedAt: now.toISOString(),
          dueAt: new Date(now.getTime() + deadline).toISOString(),
        },
      },
      `analyse-${head}-${phase}-${causeId}`,
      actor,
      now,
      causeId,
    );
  }
}
