/**
 * The read models: `risk-analysis.ens-filings` (ENS events into ens_filings) and `risk-analysis.analyses` (risk events
 * into analyses), each partitioned, rows and checkpoint in one transaction. Names, filters, partitions and handlers
 * come from the read-model catalogue, which replay reads too; maxAttempts is a setting.
 */
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { EventStore } from '@ics2/event-store';
import { catalogueProjection, EVENT_STORE, projectionSubscription, SERVICE_CONFIG, Subscriptions } from '@ics2/platform';
import { ANALYSES_SUBSCRIPTION, ENS_FILINGS_SUBSCRIPTION, readModelCatalogue } from '../read-models.catalogue';
import type { RiskAnalysisConfig } from '../service.config';

@Injectable()
export class ReadModelsSubscription implements OnApplicationBootstrap {
  constructor(
    private readonly subscriptions: Subscriptions,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SERVICE_CONFIG) private readonly config: RiskAnalysisConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const name of [ENS_FILINGS_SUBSCRIPTION, ANALYSES_SUBSCRIPTION]) {
      const projection = catalogueProjection(readModelCatalogue, name);
      await this.subscriptions.start(projectionSubscription(projection, { store: this.store }, { maxAttempts: this.config.PROJECTION_MAX_ATTEMPTS }));
    }
  }
}
