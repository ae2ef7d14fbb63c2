/**
 * The read models: `control-results.control-cases` (control events into control_cases) and
 * `control-results.statistics` (risk and control events into the criteria statistics' facts), each partitioned,
 * rows and checkpoint in one transaction.
 */
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { EventStore } from '@ics2/event-store';
import { EVENT_STORE, Subscriptions } from '@ics2/platform';
import { projectControlCase } from '../read-models/control-cases/control-cases.projection';
import { statisticsFactsProjection } from '../read-models/criteria-statistics/statistics-facts.projection';

export const STATISTICS_EVENT_TYPES = ['RiskAnalysed', 'RiskHitDismissed', 'RiskAssessmentCompleted', 'DoNotLoadIssued', 'ControlResultRecorded'];

@Injectable()
export class ReadModelsSubscription implements OnApplicationBootstrap {
  constructor(
    private readonly subscriptions: Subscriptions,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.subscriptions.start({ name: 'control-results.control-cases', filter: { categories: ['control'] }, partitions: 2, handle: projectControlCase });
    await this.subscriptions.start({
      name: 'control-results.statistics',
      filter: { categories: ['risk', 'control'], eventTypes: STATISTICS_EVENT_TYPES },
      partitions: 2,
      batchSize: 200,
      handle: statisticsFactsProjection(this.store),
    });
  }
}
