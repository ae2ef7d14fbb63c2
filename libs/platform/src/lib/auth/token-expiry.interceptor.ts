/**
 * The guard checks a token once, when a call starts; a stream outlives that check. A Member State unit's signal
 * stream or an operator's inbox stream opened with a token would otherwise go on sending filing data long after the
 * token expired, and tokens are short-lived precisely so that a right withdrawn at the identity provider ends with
 * them. So, at the token's `exp`: a gRPC server stream ends UNAUTHENTICATED `AUTH.TOKEN_EXPIRED` (through the error
 * filter, like any refusal), and an HTTP response still streaming (Server-Sent Events) is ended. The client opens it
 * again with a fresh token, from its cursor. Unary calls and ordinary responses are left alone: they end on their own.
 */
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Observable, takeUntil } from 'rxjs';
import { PlatformError } from '../errors/platform-error';
import { tokenExpiryOf } from '../request/request-context';
import { requestCarrier } from './auth.decorators';

const expired = () => new PlatformError('unauthenticated', 'AUTH.TOKEN_EXPIRED', 'the token has expired; open the stream again with a new one');

/** The longest a Node timer waits (about 24.8 days): a longer delay would fire at once. */
const MAX_TIMER_MS = 2_147_483_647;

/** Calls `fire` at `expiresAt` (ms since the epoch), waiting in steps a timer can take; returns what cancels it. */
function atExpiry(expiresAt: number, fire: () => void): () => void {
  let timeout: NodeJS.Timeout;
  const wait = (): void => {
    const left = expiresAt - Date.now();
    timeout = left > MAX_TIMER_MS ? setTimeout(wait, MAX_TIMER_MS) : setTimeout(fire, Math.max(0, left));
    timeout.unref();
  };
  wait();
  return () => clearTimeout(timeout);
}

/** What the interceptor needs of an HTTP response: whether it is still open and streaming, and how to end it. */
interface HttpResponse {
  readonly writableEnded: boolean;
  getHeader(name: string): unknown;
  end(): unknown;
  once(event: 'close', listener: () => void): unknown;
}

@Injectable()
export class TokenExpiryInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const expiresAt = tokenExpiryOf(requestCarrier(context));
    if (expiresAt === undefined) return next.handle();
    if (context.getType() === 'rpc') {
      // A server stream's call can write; a unary call's cannot.
      const call = context.getArgByIndex<{ write?: unknown } | undefined>(2);
      if (typeof call?.write !== 'function') return next.handle();
      const expiry = new Observable<never>((subscriber) => atExpiry(expiresAt, () => subscriber.error(expired())));
      return next.handle().pipe(takeUntil(expiry));
    }
    if (context.getType() === 'http') {
      const res = context.switchToHttp().getResponse<HttpResponse>();
      const cancel = atExpiry(expiresAt, () => {
        if (!res.writableEnded && String(res.getHeader('content-type') ?? '').startsWith('text/event-stream')) res.end();
      });
      res.once('close', cancel);
    }
    return next.handle();
  }
}
