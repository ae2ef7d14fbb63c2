/** Reads one recipient's inbox from the read model: never the event store. Paging follows the primary key. */
import { Injectable } from '@nestjs/common';
import { ReadModelDatabase } from '@ics2/platform';
import { NotificationItemRow } from './notification-item.row';

@Injectable()
export class InboxQuery {
  constructor(private readonly db: ReadModelDatabase) {}

  /** The recipient's items after sequence number `after`, oldest first, at most `limit`. */
  page(recipient: string, after: bigint, limit: number): Promise<NotificationItemRow[]> {
    return this.db.manager
      .getRepository(NotificationItemRow)
      .createQueryBuilder('item')
      .where('item.recipient = :recipient AND item.seq > :after', { recipient, after: after.toString() })
      .orderBy('item.seq', 'ASC')
      .limit(limit)
      .getMany();
  }
}
