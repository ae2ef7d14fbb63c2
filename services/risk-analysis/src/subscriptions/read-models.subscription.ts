/**
 * The read models: `risk-analysis.ens-filings` (ENS events into ens_filings) and `risk-analysis.analyses` (risk events
 * into analyses), each partitioned, rows and checkpoint in one transaction. Names, filters, partitions and handlers
 * come from the read-model catalogue, which replay reads too.
 */
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { EventStore } from '@ics2/event-store';
import { catalogueProjection, EVENT_STORE, projectionSubscription, Subscriptions } from '@ics2/platform';
import { ANALYSES_SUBSCRIPTION, ENS_FILINGS_SUBSCRIPTION, readModelCatalogue } from '../read-models.catalogue';

@Injectable()
export class ReadModelsSubscription implements OnApplicationBootstrap {
  constructor(
    private readonly subscriptions: Subscriptions,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const name of [ENS_FILINGS_SUBSCRIPTION, ANALYSES_SUBSCRIPTION]) {
      await this.subscriptions.start(projectionSubscription(catalogueProjection(readModelCatalogue, name), { store: this.store }));
    }
  }
}
