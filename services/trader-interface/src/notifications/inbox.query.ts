/** Reads one recipient's inbox from the read model: never the event store. Paging follows the primary key. */
import { Injectable } from '@nestjs/common';
import { KeyedFeedQuery, ReadModelDatabase, type FeedPages } from '@ics2/platform';
import { INBOX_FEED } from './inbox-sequencer';
import type { NotificationItemRow } from './notification-item.row';

@Injectable()
export class InboxQuery {
  /** The inbox as the platform's feed reader pages it (items with their sequence numbers). */
  readonly pages: FeedPages<NotificationItemRow>;

  constructor(db: ReadModelDatabase) {
    this.pages = new KeyedFeedQuery(INBOX_FEED, db);
  }

  /** The recipient's items after sequence number `after`, oldest first, at most `limit`. */
  async page(recipient: string, after: bigint, limit: number): Promise<NotificationItemRow[]> {
    return (await this.pages.page(recipient, after, limit)).map((i) => i.entry);
  }
}
