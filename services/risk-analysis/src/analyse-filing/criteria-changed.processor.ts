/**
 * `risk-analysis.criteria-changes`: when a criterion is activated or deactivated, the ENS whose analysis it can
 * affect are analysed again with the new active set (trigger `criteria-changed`): analyses still open (awaiting the
 * risk unit) of a phase some version of it lists, for a responsible Member State it applies to (EU-wide: any; a
 * national one: its owner's only, not the involved Member States'). Every version's phases, not only the one the
 * event names: a new version may drop a phase the one it replaces applied to. The decider has the last word (same
 * applicable criteria, or a referral open: no re-analysis). One partition: a criteria change is rare. [U] which
 * filings count as open: those whose analysis awaits the risk unit; assessed ones are not reopened.
 */
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { RecordedEvent } from '@ics2/event-store';
import { ReadModelDatabase, Subscriptions } from '@ics2/platform';
import { CriteriaCatalogue } from '../criteria-catalogue/criteria-catalogue';
import { appliesTo } from '../domain/criteria/criteria-engine';
import { AnalyseFilingHandler } from './analyse-filing.handler';

export const CRITERIA_CHANGES_SUBSCRIPTION = 'risk-analysis.criteria-changes';

@Injectable()
export class CriteriaChangedProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly subscriptions: Subscriptions,
    private readonly handler: AnalyseFilingHandler,
    private readonly catalogue: CriteriaCatalogue,
    private readonly db: ReadModelDatabase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.subscriptions.start({
      name: CRITERIA_CHANGES_SUBSCRIPTION,
      filter: { categories: ['criterion'], eventTypes: ['CriterionActivated', 'CriterionDeactivated'] },
      handle: (event) => this.handle(event),
    });
  }

  async handle(recorded: RecordedEvent): Promise<void> {
    const id = recorded.streamId.slice('criterion-'.length);
    // This replica's catalogue must know the change before it analyses with it.
    const { versions } = await this.catalogue.reload(id);
    const open: { mrn: string; phase: 'pre-loading' | 'pre-arrival'; rms: string; members: string[] }[] = await this.db.manager.query(
      `SELECT a.mrn, a.phase, a.responsible_member_state AS rms, f.members FROM risk_analysis.analyses a JOIN risk_analysis.ens_filings f ON f.mrn = a.mrn
       WHERE a.status = 'awaiting-risk-unit' AND f.members IS NOT NULL`,
    );
    for (const { mrn, phase, rms, members } of open) {
      if (!versions.some((v) => appliesTo(v, phase, rms))) continue;
      await this.handler.analyse(mrn, members, phase, 'criteria-changed', recorded.id);
    }
  }
}
