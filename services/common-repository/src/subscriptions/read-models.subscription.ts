/**
 * `common-repository.filing-view`: every ENS event into filing_view, rows and checkpoint in one transaction, the
 * work shared by partition among replicas (per-stream order is what the projection needs). Name, filter and
 * handler come from the read-model catalogue, which replay reads too; the partition count and maxAttempts are settings.
 */
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { EventStore } from '@ics2/event-store';
import { catalogueProjection, EVENT_STORE, projectionSubscription, SERVICE_CONFIG, Subscriptions } from '@ics2/platform';
import { FILING_VIEW_SUBSCRIPTION, readModelCatalogue } from '../read-models.catalogue';
import type { CommonRepositoryConfig } from '../service.config';

@Injectable()
export class ReadModelsSubscription implements OnApplicationBootstrap {
  constructor(
    private readonly subscriptions: Subscriptions,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SERVICE_CONFIG) private readonly config: CommonRepositoryConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const filingView = catalogueProjection(readModelCatalogue, FILING_VIEW_SUBSCRIPTION);
    await this.subscriptions.start(projectionSubscription(filingView, { store: this.store }, {
        partitions: this.config.FILING_VIEW_PARTITIONS,
        maxAttempts: this.config.PROJECTION_MAX_ATTEMPTS,
      }));
  }
}
