/**
 * `trader-interface.notifications`: every ENS, arrival, risk and control event (NOTIFICATION_CATEGORIES) into the
 * notification inbox, items and checkpoint in one transaction, the work shared by partition among replicas
 * (per-stream order is what the projection needs; a recipient's order across streams comes from its counter row,
 * see inbox-sequencer.ts).
 */
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { RunningSubscription } from '@ics2/event-store';
import { Subscriptions } from '@ics2/platform';
import { NOTIFICATION_CATEGORIES } from './notification-rules.table';
import { projectNotifications } from './notifications.projection';

export const NOTIFICATIONS_SUBSCRIPTION = 'trader-interface.notifications';
/**
 * Fixed: the checkpoints are kept per partition, and a different count is refused at start. A category added to
 * the filter needs no change here (checkpoints are positions in the global log), but the live subscription reads
 * the new category only from its checkpoints on: events of it recorded before are projected by a rebuild.
 */
export const NOTIFICATIONS_PARTITIONS = 4;

@Injectable()
export class NotificationsSubscription implements OnApplicationBootstrap {
  private running: RunningSubscription | undefined;

  constructor(private readonly subscriptions: Subscriptions) {}

  async onApplicationBootstrap(): Promise<void> {
    this.running = await this.subscriptions.start({
      name: NOTIFICATIONS_SUBSCRIPTION,
      filter: { categories: NOTIFICATION_CATEGORIES },
      partitions: NOTIFICATIONS_PARTITIONS,
      handle: projectNotifications,
    });
  }

  /** Resolves once every event in the log when called is in the inbox (tests, and the rebuild tooling). */
  caughtUp(): Promise<void> {
    if (!this.running) return Promise.reject(new Error(`${NOTIFICATIONS_SUBSCRIPTION} is not running`));
    return this.running.caughtUp();
  }
}
