/**
 * `common-repository.filing-view`: every ENS event into filing_view, rows and checkpoint in one transaction, the
 * work shared by partition among replicas (per-stream order is what the projection needs).
 */
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { SERVICE_CONFIG, Subscriptions } from '@ics2/platform';
import { projectFilingView } from '../read-models/filing-view/filing-view.projection';
import type { CommonRepositoryConfig } from '../service.config';

export const FILING_VIEW_SUBSCRIPTION = 'common-repository.filing-view';

@Injectable()
export class ReadModelsSubscription implements OnApplicationBootstrap {
  constructor(
    private readonly subscriptions: Subscriptions,
    @Inject(SERVICE_CONFIG) private readonly config: CommonRepositoryConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.subscriptions.start({
      name: FILING_VIEW_SUBSCRIPTION,
      filter: { categories: ['ens'] },
      partitions: this.config.FILING_VIEW_PARTITIONS,
      handle: projectFilingView,
    });
  }
}
