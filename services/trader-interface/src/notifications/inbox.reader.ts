/**
 * The two ways of reading an inbox: a page that may wait (long poll) and a stream that replays then follows, both
 * the platform's keyed-feed reader. Both watch the recipient before they read, so an item that commits between the
 * read and the wait still wakes them; both look again every few seconds regardless (a lost notification only
 * delays them).
 */
import { Injectable } from '@nestjs/common';
import { KeyedFeedReader } from '@ics2/platform';
import { InboxListener } from './inbox-listener';
import { InboxQuery } from './inbox.query';
import type { NotificationItemRow } from './notification-item.row';

/** Longest a waiting reader trusts notifications alone before it looks again. */
export const RECHECK_MS = 5_000;
/** A stream sends a comment after this long without writing anything, so proxies and clients see it alive. */
export const HEARTBEAT_MS = 15_000;

/** Where a stream's output goes (the SSE response). Each promise resolves once the bytes were accepted. */
export interface InboxSink {
  item(item: NotificationItemRow): Promise<void>;
  heartbeat(): Promise<void>;
}

@Injectable()
export class InboxReader {
  private readonly feed: KeyedFeedReader<NotificationItemRow>;

  constructor(query: InboxQuery, listener: InboxListener) {
    this.feed = new KeyedFeedReader(query.pages, listener, { recheckMs: RECHECK_MS });
  }

  /**
   * Whether `after` can be a cursor this inbox gave the recipient: 0, or at most its last item's. A door refuses
   * another before it reads or waits, where a reader from it would skip the recipient's items up to it as they came.
   */
  gaveOut(recipient: string, after: bigint): Promise<boolean> {
    return this.feed.gaveOut(recipient, after);
  }

  /**
   * Up to `limit` items after `after`. With nothing there and `waitMs` > 0, waits until an item commits for the
   * recipient, `waitMs` passes, the caller goes away (`abort`) or the service shuts down; then reads once more.
   */
  async page(recipient: string, after: bigint, limit: number, waitMs: number, abort: AbortSignal): Promise<NotificationItemRow[]> {
    return (await this.feed.waitForItems(recipient, after, waitMs, abort, limit)).map((i) => i.entry);
  }

  /** Every item after `after`, then each new one as it commits, until `abort` or shutdown. */
  async stream(recipient: string, after: bigint, sink: InboxSink, abort: AbortSignal): Promise<void> {
    for await (const event of this.feed.stream(recipient, after, { signal: abort, heartbeatMs: HEARTBEAT_MS })) {
      if (event.type === 'item') await sink.item(event.item.entry);
      else await sink.heartbeat();
    }
  }
}
