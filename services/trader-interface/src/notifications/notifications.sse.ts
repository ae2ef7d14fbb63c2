/**
 * Server-Sent Events framing for the inbox stream (text/event-stream): per item `id: <cursor>`, `event:
 * <messageType>`, `data: <the item JSON>` (one line: JSON escapes newlines), and `: heartbeat` comments. The id is
 * what an EventSource sends back as Last-Event-ID when it reconnects, so a resumed stream starts after it.
 */
import type { InboxSink } from './inbox.reader';
import type { NotificationItemRow } from './notification-item.row';
import { toNotificationItem } from './notifications.response.dto';

/** The parts of the HTTP response a stream uses (express's, kept narrow). */
export interface StreamResponse {
  readonly writableEnded: boolean;
  readonly destroyed: boolean;
  status(code: number): unknown;
  setHeader(name: string, value: string): unknown;
  flushHeaders(): void;
  write(chunk: string): boolean;
  end(): unknown;
  once(event: 'drain' | 'close', listener: () => void): unknown;
  off(event: 'drain' | 'close', listener: () => void): unknown;
}

/** How long a client waits before reconnecting after the stream ends (the service shut down, say). */
const RETRY_MS = 2_000;

export class ServerSentEvents implements InboxSink {
  constructor(private readonly res: StreamResponse) {}

  open(): Promise<void> {
    this.res.status(200);
    this.res.setHeader('content-type', 'text/event-stream; charset=utf-8');
    this.res.setHeader('cache-control', 'no-cache, no-transform');
    // Proxies that buffer (nginx) would hold events back.
    this.res.setHeader('x-accel-buffering', 'no');
    // A stream ends only when a side goes away or the service stops: its connection is not reused after it.
    this.res.setHeader('connection', 'close');
    this.res.flushHeaders();
    return this.write(`retry: ${RETRY_MS}\n\n`);
  }

  item(row: NotificationItemRow): Promise<void> {
    const item = toNotificationItem(row);
    return this.write(`id: ${item.cursor}\nevent: ${item.messageType}\ndata: ${JSON.stringify(item)}\n\n`);
  }

  heartbeat(): Promise<void> {
    return this.write(': heartbeat\n\n');
  }

  end(): void {
    if (!this.res.writableEnded && !this.res.destroyed) this.res.end();
  }

  /** Resolves once the chunk is handed to the socket, or the client has gone (nothing more will be read). */
  private write(chunk: string): Promise<void> {
    if (this.res.writableEnded || this.res.destroyed) return Promise.resolve();
    if (this.res.write(chunk)) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        this.res.off('drain', done);
        this.res.off('close', done);
        resolve();
      };
      this.res.once('drain', done);
      this.res.once('close', done);
    });
  }
}
