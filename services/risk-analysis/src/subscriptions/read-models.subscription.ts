/**
 * The read models: `risk-analysis.ens-filings` (ENS events into ens_filings) and `risk-analysis.analyses` (risk events
 * into analyses), each partitioned, rows and checkpoint in one transaction.
 */
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Subscriptions } from '@ics2/platform';
import { projectAnalysis } from '../read-models/analyses/analyses.projection';
import { projectEnsFiling } from '../read-models/ens-filings/ens-filings.projection';

@Injectable()
export class ReadModelsSubscription implements OnApplicationBootstrap {
  constructor(private readonly subscriptions: Subscriptions) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.subscriptions.start({ name: 'risk-analysis.ens-filings', filter: { categories: ['ens'] }, partitions: 4, handle: projectEnsFiling });
    await this.subscriptions.start({ name: 'risk-analysis.analyses', filter: { categories: ['risk'] }, partitions: 4, handle: projectAnalysis });
  }
}
