/**
 * The read models: `crms.rifs` (RIF events into rifs and rif_feedback, partitioned), `crms.campaigns` (PCA events)
 * and `crms.crisis-alerts` (one partition: alert numbers follow the log). Rows and checkpoint in one transaction.
 */
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { SERVICE_CONFIG, Subscriptions } from '@ics2/platform';
import { projectCampaign } from '../read-models/campaigns/campaigns.projection';
import { projectCrisisAlert } from '../read-models/crisis-alerts/crisis-alerts.projection';
import { projectRif } from '../read-models/rifs/rifs.projection';
import type { CrmsConfig } from '../service.config';

@Injectable()
export class ReadModelsSubscription implements OnApplicationBootstrap {
  constructor(
    private readonly subscriptions: Subscriptions,
    @Inject(SERVICE_CONFIG) private readonly config: CrmsConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.subscriptions.start({ name: 'crms.rifs', filter: { categories: ['rif'] }, partitions: this.config.RIF_VIEW_PARTITIONS, handle: projectRif });
    await this.subscriptions.start({ name: 'crms.campaigns', filter: { categories: ['pca'] }, partitions: 1, handle: projectCampaign });
    await this.subscriptions.start({ name: 'crms.crisis-alerts', filter: { categories: ['crisis'] }, partitions: 1, handle: projectCrisisAlert });
  }
}
