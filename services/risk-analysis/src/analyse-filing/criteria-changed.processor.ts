/**
 * `risk-analysis.criteria-changes`: when a criterion is activated or deactivated, the ENS whose analysis it can
 * affect are analysed again with the new active set (trigger `criteria-changed`): analyses still open (awaiting the
 * risk unit) of a phase some version of it lists, for a responsible Member State it applies to (EU-wide: any; a
 * national one: its owner's only, not the involved Member States'). Every version's phases, not only the one the
 * event names: a new version may drop a phase the one it replaces applied to. The decider has the last word (same
 * applicable criteria, or a referral open: no re-analysis). One partition: a criteria change is rare. [U] which
 * filings count as open: those whose analysis awaits the risk unit; assessed ones are not reopened. Up to
 * REANALYSIS_CONCURRENCY ENS at once, each ENS's phases one after the other (one risk stream, no conflict between
 * them); a failure leaves the change undelivered, and its redelivery re-analyses only what still runs on the old set.
 *
 * The catch-up: a change leaves an analysis with a referral open as it is (the operator may be answering it), and
 * the change is not delivered again. So the same subscription takes the risk streams' ReferralAnswered: an answer
 * closing the last open referral of its phase's current analysis re-analyses the ENS (trigger `criteria-changed`,
 * caused by the answer), and the decider records nothing when the versions it recorded are those that apply now.
 * One subscription for both keeps a change and an answer in the order they were recorded, so the catalogue has
 * every change recorded before the answer.
 */
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { RiskEvent } from '@ics2/contracts';
import { boundedAll, type RecordedEvent } from '@ics2/event-store';
import { ReadModelDatabase, SERVICE_CONFIG, Subscriptions } from '@ics2/platform';
import { CriteriaCatalogue } from '../criteria-catalogue/criteria-catalogue';
import { appliesTo } from '../domain/criteria/criteria-engine';
import { analysisOf, currentAnalysis, takesCriteriaChanges } from '../domain/risk/risk.state';
import { RiskCommands } from '../doors/risk-commands';
import type { RiskAnalysisConfig } from '../service.config';
import { AnalyseFilingHandler } from './analyse-filing.handler';

export const CRITERIA_CHANGES_SUBSCRIPTION = 'risk-analysis.criteria-changes';

@Injectable()
export class CriteriaChangedProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly subscriptions: Subscriptions,
    private readonly handler: AnalyseFilingHandler,
    private readonly catalogue: CriteriaCatalogue,
    private readonly db: ReadModelDatabase,
    private readonly commands: RiskCommands,
    @Inject(SERVICE_CONFIG) private readonly config: RiskAnalysisConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.subscriptions.start({
      name: CRITERIA_CHANGES_SUBSCRIPTION,
      filter: { categories: ['criterion', 'risk'], eventTypes: ['CriterionActivated', 'CriterionDeactivated', 'ReferralAnswered'] },
      handle: (event) => this.handle(event),
    });
  }

  async handle(recorded: RecordedEvent): Promise<void> {
    if (recorded.type === 'ReferralAnswered') return this.catchUp(recorded);
    const id = recorded.streamId.slice('criterion-'.length);
    // This replica's catalogue must know the change before it analyses with it.
    const { versions } = await this.catalogue.reload(id);
    const open: { mrn: string; phase: 'pre-loading' | 'pre-arrival'; rms: string }[] = await this.db.manager.query(
      `SELECT mrn, phase, responsible_member_state AS rms FROM risk_analysis.analyses WHERE status = 'awaiting-risk-unit' ORDER BY mrn, phase`,
    );
    const phasesByEns = new Map<string, ('pre-loading' | 'pre-arrival')[]>();
    for (const { mrn, phase, rms } of open) {
      if (versions.some((v) => appliesTo(v, phase, rms))) phasesByEns.set(mrn, [...(phasesByEns.get(mrn) ?? []), phase]);
    }
    await boundedAll([...phasesByEns], this.config.REANALYSIS_CONCURRENCY, async ([mrn, phases], failed) => {
      for (const phase of phases) {
        if (failed()) return;
        // The ENS as it stands for the analysis's phase, as the catch-up takes it.
        const members = await this.handler.currentMembers(mrn, phase);
        if (members) await this.handler.analyse(mrn, members, phase, 'criteria-changed', recorded.id);
      }
    });
  }

  /** The analysis an answer closed the last open referral of, analysed again if the criteria changed meanwhile. */
  private async catchUp(recorded: RecordedEvent): Promise<void> {
    const event = { type: recorded.type, data: recorded.data } as RiskEvent;
    if (event.type !== 'ReferralAnswered') return;
    const state = await this.commands.riskState(event.data.mrn);
    const answered = analysisOf(state, event.data.analysisId);
    // Nothing to catch up yet (another referral open: its answer comes here too) or any more (superseded, assessed,
    // do-not-load): spares the engine run, the decider checks the same.
    if (!answered || currentAnalysis(state, answered.phase) !== answered || !takesCriteriaChanges(answered)) return;
    // The ENS as it stands, not as the analysis saw it: completed again since (a house refiled) and not yet
    // re-analysed by the intake, its old members would analyse an invalidated house.
    const members = await this.handler.currentMembers(event.data.mrn, answered.phase);
    if (!members) return;
    await this.handler.analyse(event.data.mrn, members, answered.phase, 'criteria-changed', recorded.id);
  }
}
