/**
 * `trader-interface.notifications`: every ENS, arrival, risk and control event (NOTIFICATION_CATEGORIES) into the
 * notification inbox, items and checkpoint in one transaction, the work shared by partition among replicas
 * (per-stream order is what the projection needs; a recipient's order across streams comes from its counter row,
 * see inbox-sequencer.ts). Name, filter, partitions and handler come from the read-model catalogue, which replay
 * reads too; maxAttempts is a setting.
 */
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { EventStore, RunningSubscription } from '@ics2/event-store';
import { catalogueProjection, EVENT_STORE, projectionSubscription, SERVICE_CONFIG, Subscriptions } from '@ics2/platform';
import { NOTIFICATIONS_SUBSCRIPTION, readModelCatalogue } from '../read-models.catalogue';
import type { TraderInterfaceConfig } from '../service.config';

@Injectable()
export class NotificationsSubscription implements OnApplicationBootstrap {
  private running: RunningSubscription | undefined;

  constructor(
    private readonly subscriptions: Subscriptions,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SERVICE_CONFIG) private readonly config: TraderInterfaceConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const inbox = catalogueProjection(readModelCatalogue, NOTIFICATIONS_SUBSCRIPTION);
    this.running = await this.subscriptions.start(projectionSubscription(inbox, { store: this.store }, { maxAttempts: this.config.PROJECTION_MAX_ATTEMPTS }));
  }

  /** Resolves once every event in the log when called is in the inbox (tests, and the rebuild tooling). */
  caughtUp(): Promise<void> {
    if (!this.running) return Promise.reject(new Error(`${NOTIFICATIONS_SUBSCRIPTION} is not running`));
    return this.running.caughtUp();
  }
}
