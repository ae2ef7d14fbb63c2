/**
 * The ways of reading a keyed feed: a page, a page that may wait (long poll), and a stream that replays after a
 * cursor then follows live (an async iterator, or an Observable for a gRPC server stream). Waiting readers watch
 * the key before they read, so an item that commits between the read and the wait still wakes them; they also
 * look again every `recheckMs` regardless (a lost notification only delays them). Streams end when the consumer
 * stops (abort, unsubscribe, break) or the service shuts down (the listener closes every watch): never a hang.
 */
import { Observable } from 'rxjs';
import type { FeedItem } from './keyed-feed.definition';
import type { KeyedFeedListener } from './keyed-feed.listener';
import type { FeedPages } from './keyed-feed.query';

export interface KeyedFeedReaderOptions {
  /** Longest a waiting reader trusts notifications alone before it looks again. */
  readonly recheckMs?: number;
  /** How many items a stream reads at a time while replaying. */
  readonly streamPageSize?: number;
}

export const FEED_RECHECK_MS = 5_000;
const STREAM_PAGE = 500;

export interface FeedStreamOptions {
  /** Ends the stream (the client went away). */
  readonly signal?: AbortSignal;
  /** When set, a `heartbeat` event comes after this long without an item (SSE keeps proxies and clients awake). */
  readonly heartbeatMs?: number;
}

export type FeedStreamEvent<Entry> = { readonly type: 'item'; readonly item: FeedItem<Entry> } | { readonly type: 'heartbeat' };

export interface FeedObserveOptions {
  /**
   * Flow control: awaited after each item is handed on, so a slow client holds the replay back instead of the
   * whole backlog piling up in memory (`writableReady(call)` for a gRPC call or any Node stream). The signal fires
   * when the subscriber goes away.
   */
  readonly ready?: (signal: AbortSignal) => Promise<void> | void;
  /**
   * Awaited before each item is handed on, e.g. to record the read in the access log before the data leaves the
   * door. If it throws, the stream ends with that error and the item is not sent.
   */
  readonly beforeSend?: (item: FeedItem<unknown>) => Promise<void>;
}

export class KeyedFeedReader<Entry> {
  readonly recheckMs: number;
  private readonly streamPage: number;

  constructor(
    private readonly pages: FeedPages<Entry>,
    private readonly listener: KeyedFeedListener,
    options: KeyedFeedReaderOptions = {},
  ) {
    this.recheckMs = options.recheckMs ?? FEED_RECHECK_MS;
    this.streamPage = options.streamPageSize ?? STREAM_PAGE;
  }

  /**
   * Whether `after` can be a cursor the feed gave out for the key: the start (0), or at most the key's last committed
   * sequence number. A larger one (another key's longer feed, a typo) never was, and a reader resuming from it would
   * wait, then skip every item up to it as they came. The cursor of the last item equals that number, so one just
   * handed out passes; an item committing after the check only numbers above it.
   */
  async gaveOut(key: string, after: bigint): Promise<boolean> {
    return after === 0n || after <= (await this.pages.lastSeq(key));
  }

  /** Up to `limit` items after `after`, at once. */
  page(key: string, after: bigint, limit: number): Promise<FeedItem<Entry>[]> {
    return this.pages.page(key, after, limit);
  }

  /**
   * Up to `limit` items after `after`. With nothing there and `waitMs` > 0, waits until an item commits for the
   * key, `waitMs` passes, `signal` fires (the caller went away) or the service shuts down; then reads once more.
   */
  async waitForItems(key: string, after: bigint, waitMs: number, signal?: AbortSignal, limit = 100): Promise<FeedItem<Entry>[]> {
    if (waitMs <= 0) return this.pages.page(key, after, limit);
    const deadline = Date.now() + waitMs;
    const watch = this.listener.watch(key);
    try {
      for (;;) {
        const items = await this.pages.page(key, after, limit);
        const left = deadline - Date.now();
        if (items.length > 0 || left <= 0 || watch.closed || signal?.aborted) return items;
        await watch.next(Math.min(left, this.recheckMs), signal);
      }
    } finally {
      watch.close();
    }
  }

  /**
   * Every item after `after`, then each new one as it commits, until `signal` fires, the consumer stops iterating
   * or the service shuts down. Pull-based: the next page is read only when the consumer asks for more.
   */
  async *stream(key: string, after: bigint, options: FeedStreamOptions = {}): AsyncGenerator<FeedStreamEvent<Entry>, void, undefined> {
    const { signal, heartbeatMs } = options;
    const watch = this.listener.watch(key);
    let cursor = after;
    let quietSince = Date.now();
    try {
      while (!signal?.aborted && !watch.closed) {
        const items = await this.pages.page(key, cursor, this.streamPage);
        for (const item of items) {
          if (signal?.aborted) return;
          yield { type: 'item', item };
          cursor = item.seq;
          quietSince = Date.now();
        }
        if (items.length === this.streamPage) continue;
        let waitMs = this.recheckMs;
        if (heartbeatMs !== undefined) {
          const heartbeatIn = quietSince + heartbeatMs - Date.now();
          if (heartbeatIn <= 0) {
            yield { type: 'heartbeat' };
            quietSince = Date.now();
            continue;
          }
          waitMs = Math.min(heartbeatIn, waitMs);
        }
        await watch.next(waitMs, signal);
      }
    } finally {
      watch.close();
    }
  }

  /**
   * The stream as an Observable of items: replay after `after`, then live. It completes on shutdown (a gRPC server
   * stream then ends with OK), errors if a read fails, and stops reading as soon as it is unsubscribed (a
   * cancelled call).
   */
  observe(key: string, after: bigint, options: FeedObserveOptions = {}): Observable<FeedItem<Entry>> {
    return new Observable<FeedItem<Entry>>((subscriber) => {
      const stop = new AbortController();
      void (async () => {
        try {
          for await (const event of this.stream(key, after, { signal: stop.signal })) {
            if (event.type !== 'item') continue;
            await options.beforeSend?.(event.item);
            if (stop.signal.aborted) break;
            subscriber.next(event.item);
            await options.ready?.(stop.signal);
            if (stop.signal.aborted) break;
          }
          subscriber.complete();
        } catch (err) {
          subscriber.error(err);
        }
      })();
      return () => stop.abort();
    });
  }
}

/** The Node stream side of flow control: while `stream` asks to drain, wait for it (or for its end, or abort). */
export interface DrainingStream {
  readonly writableNeedDrain: boolean;
  readonly destroyed: boolean;
  once(event: 'drain' | 'close', listener: () => void): unknown;
  off(event: 'drain' | 'close', listener: () => void): unknown;
}

export function writableReady(stream: DrainingStream): (signal: AbortSignal) => Promise<void> | void {
  return (signal) => {
    if (!stream.writableNeedDrain || stream.destroyed || signal.aborted) return;
    return new Promise<void>((resolve) => {
      const done = () => {
        stream.off('drain', done);
        stream.off('close', done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      stream.once('drain', done);
      stream.once('close', done);
      signal.addEventListener('abort', done, { once: true });
    });
  };
}
