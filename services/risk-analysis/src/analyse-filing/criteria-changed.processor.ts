/**
 * `risk-analysis.criteria-changes`: when a criterion is activated or deactivated, the ENS whose analysis is still
 * open (awaiting the risk unit) are analysed again with the new active set (trigger `criteria-changed`). One
 * partition: a criteria change is rare and concerns every open ENS. [U] which filings count as open: those whose
 * analysis awaits the risk unit; assessed ones are not reopened.
 */
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { RecordedEvent } from '@ics2/event-store';
import { ReadModelDatabase, Subscriptions } from '@ics2/platform';
import { CriteriaCatalogue } from '../criteria-catalogue/criteria-catalogue';
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
    // This replica's catalogue must know the change before it analyses with it.
    await this.catalogue.reload(recorded.streamId.slice('criterion-'.length));
    const open: { mrn: string; phase: 'pre-loading' | 'pre-arrival'; members: string[] }[] = await this.db.manager.query(
      `SELECT a.mrn, a.phase, f.members FROM risk_analysis.analyses a JOIN risk_analysis.ens_filings f ON f.mrn = a.mrn
       WHERE a.status = 'awaiting-risk-unit' AND f.members IS NOT NULL`,
    );
    for (const { mrn, phase, members } of open) await this.handler.analyse(mrn, members, phase, 'criteria-changed', recorded.id);
  }
}
