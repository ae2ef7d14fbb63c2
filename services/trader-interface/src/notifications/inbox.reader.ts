/**
 * The two ways of reading an inbox: a page that may wait (long poll) and a stream that replays then follows.
 * Both watch the recipient before they read, so an item that commits between the read and the wait still wakes
 * them; both look again every few seconds regardless (a lost notification only delays them).
 */
import { Injectable } from '@nestjs/common';
import { InboxListener } from './inbox-listener';
import { InboxQuery } from './inbox.query';
import type { NotificationItemRow } from './notification-item.row';

/** Longest a waiting reader trusts notifications alone before it looks again. */
export const RECHECK_MS = 5_000;
/** A stream sends a comment after this long without writing anything, so proxies and clients see it alive. */
export const HEARTBEAT_MS = 15_000;
/** How many items a stream reads at a time while replaying. */
const STREAM_PAGE = 500;

/** Where a stream's output goes (the SSE response). Each promise resolves once the bytes were accepted. */
export interface InboxSink {
  item(item: NotificationItemRow): Promise<void>;
  heartbeat(): Promise<void>;
}

@Injectable()
export class InboxReader {
  constructor(
    private readonly query: InboxQuery,
    private readonly listener: InboxListener,
  ) {}

  /**
   * Up to `limit` items after `after`. With nothing there and `waitMs` > 0, waits until an item commits for the
   * recipient, `waitMs` passes, the caller goes away (`abort`) or the service shuts down; then reads once more.
   */
  async page(recipient: string, after: bigint, limit: number, waitMs: number, abort: AbortSignal): Promise<NotificationItemRow[]> {
    if (waitMs <= 0) return this.query.page(recipient, after, limit);
    const deadline = Date.now() + waitMs;
    const watch = this.listener.watch(recipient);
    try {
      for (;;) {
        const items = await this.query.page(recipient, after, limit);
        const left = deadline - Date.now();
        if (items.length > 0 || left <= 0 || watch.closed || abort.aborted) return items;
        await watch.next(Math.min(left, RECHECK_MS), abort);
      }
    } finally {
      watch.close();
    }
  }

  /** Every item after `after`, then each new one as it commits, until `abort` or shutdown. */
  async stream(recipient: string, after: bigint, sink: InboxSink, abort: AbortSignal): Promise<void> {
    const watch = this.listener.watch(recipient);
    let cursor = after;
    let quietSince = Date.now();
    try {
      while (!abort.aborted && !watch.closed) {
        const items = await this.query.page(recipient, cursor, STREAM_PAGE);
        for (const item of items) {
          if (abort.aborted) return;
          await sink.item(item);
          cursor = BigInt(item.seq);
          quietSince = Date.now();
        }
        if (items.length === STREAM_PAGE) continue;
        const heartbeatIn = quietSince + HEARTBEAT_MS - Date.now();
        if (heartbeatIn <= 0) {
          await sink.heartbeat();
          quietSince = Date.now();
          continue;
        }
        await watch.next(Math.min(heartbeatIn, RECHECK_MS), abort);
      }
    } finally {
      watch.close();
    }
  }
}
