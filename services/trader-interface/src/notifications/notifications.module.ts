import { Module } from '@nestjs/common';
import { FilingIndexRow } from './filing-index.row';
import { InboxListener } from './inbox-listener';
import { InboxQuery } from './inbox.query';
import { InboxReader } from './inbox.reader';
import { NotificationItemRow } from './notification-item.row';
import { NotificationsHttpController } from './notifications.http-controller';
import { NotificationsSubscription } from './notifications.subscription';

/**
 * The economic operators' notification inbox: the projection (subscription `trader-interface.notifications`) and
 * its HTTP doors. Needs EventSourcingModule.forService({ readModels: { schema: 'trader_interface', entities } })
 * with NOTIFICATIONS_ENTITIES among the entities, and DATABASE_URL.
 */
@Module({
  controllers: [NotificationsHttpController],
  providers: [NotificationsSubscription, InboxQuery, InboxListener, InboxReader],
})
export class NotificationsModule {}

/** The read-model entities this module reads and writes (its third table, inbox_sequences, is raw SQL only). */
export const NOTIFICATIONS_ENTITIES = [NotificationItemRow, FilingIndexRow];
