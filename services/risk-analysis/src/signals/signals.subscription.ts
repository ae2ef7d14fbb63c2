/**
 * `risk-analysis.signals`: every risk event into the Member State signal streams, signals and checkpoint in one
 * transaction, the work shared by partition among replicas (per-stream order is what the projection needs; a
 * Member State's order across streams comes from its counter row, see keyed-feed.sequencer.ts in the platform).
 * Name, filter, partitions and handler come from the read-model catalogue, which replay reads too; maxAttempts is a
 * setting.
 */
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { EventStore, RunningSubscription } from '@ics2/event-store';
import { catalogueProjection, EVENT_STORE, projectionSubscription, SERVICE_CONFIG, Subscriptions } from '@ics2/platform';
import { readModelCatalogue, SIGNALS_SUBSCRIPTION } from '../read-models.catalogue';
import type { RiskAnalysisConfig } from '../service.config';

@Injectable()
export class SignalsSubscription implements OnApplicationBootstrap {
  private running: RunningSubscription | undefined;

  constructor(
    private readonly subscriptions: Subscriptions,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SERVICE_CONFIG) private readonly config: RiskAnalysisConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const signals = catalogueProjection(readModelCatalogue, SIGNALS_SUBSCRIPTION);
    this.running = await this.subscriptions.start(projectionSubscription(signals, { store: this.store }, { maxAttempts: this.config.PROJECTION_MAX_ATTEMPTS }));
  }

  /** Resolves once every event in the log when called is in the signal streams (tests, rebuild tooling). */
  caughtUp(): Promise<void> {
    if (!this.running) return Promise.reject(new Error(`${SIGNALS_SUBSCRIPTION} is not running`));
    return this.running.caughtUp();
  }
}
