/**
 * The read models: `crms.rifs` (RIF events into rifs and rif_feedback, partitioned), `crms.campaigns` (PCA events)
 * and `crms.crisis-alerts` (one partition: alert numbers follow the log). Rows and checkpoint in one transaction.
 * Names, filters, partitions and handlers come from the read-model catalogue, which replay reads too; the RIF
 * projection's partition count is a setting, and so is maxAttempts of all three.
 */
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { EventStore } from '@ics2/event-store';
import { catalogueProjection, EVENT_STORE, projectionSubscription, SERVICE_CONFIG, Subscriptions, type ProjectionOverrides } from '@ics2/platform';
import { CAMPAIGNS_SUBSCRIPTION, CRISIS_ALERTS_SUBSCRIPTION, readModelCatalogue, RIFS_SUBSCRIPTION } from '../read-models.catalogue';
import type { CrmsConfig } from '../service.config';

@Injectable()
export class ReadModelsSubscription implements OnApplicationBootstrap {
  constructor(
    private readonly subscriptions: Subscriptions,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SERVICE_CONFIG) private readonly config: CrmsConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const maxAttempts = this.config.PROJECTION_MAX_ATTEMPTS;
    const start = (name: string, overrides: ProjectionOverrides = {}) =>
      this.subscriptions.start(projectionSubscription(catalogueProjection(readModelCatalogue, name), { store: this.store }, { maxAttempts, ...overrides }));
    await start(RIFS_SUBSCRIPTION, { partitions: this.config.RIF_VIEW_PARTITIONS });
    await start(CAMPAIGNS_SUBSCRIPTION);
    await start(CRISIS_ALERTS_SUBSCRIPTION);
  }
}
