/**
 * The read models: `control-results.control-cases` (control events into control_cases) and
 * `control-results.statistics` (risk and control events into the criteria statistics' facts), each partitioned,
 * rows and checkpoint in one transaction. Names, filters, partitions and handlers come from the read-model
 * catalogue, which replay reads too; maxAttempts is a setting.
 */
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { EventStore } from '@ics2/event-store';
import { EVENT_STORE, projectionSubscription, SERVICE_CONFIG, Subscriptions } from '@ics2/platform';
import { readModelCatalogue } from '../read-models.catalogue';
import type { ControlResultsConfig } from '../service.config';

@Injectable()
export class ReadModelsSubscription implements OnApplicationBootstrap {
  constructor(
    private readonly subscriptions: Subscriptions,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SERVICE_CONFIG) private readonly config: ControlResultsConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const overrides = { maxAttempts: this.config.PROJECTION_MAX_ATTEMPTS };
    for (const projection of readModelCatalogue.projections) await this.subscriptions.start(projectionSubscription(projection, { store: this.store }, overrides));
  }
}
