/**
 * What the platform learns about one request (correlation id, authenticated caller), kept beside the request's
 * own object: the HTTP request, or the gRPC call's Metadata. A WeakMap, so nothing outlives the request and no
 * header a client sends can pose as it.
 */
import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth/principal';

export interface RequestContext {
  readonly correlationId: string;
  principal?: Principal;
  /** When the caller's token expires (ms since the epoch): a stream it opened ends then (token-expiry.interceptor.ts). */
  tokenExpiresAt?: number;
}

export const CORRELATION_HEADER = 'x-correlation-id';

const contexts = new WeakMap<object, RequestContext>();

// A client's id is kept only when it is short and plain, so it cannot break a log line or a header.
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's correlation id when it is safe to reuse, else a new one. */
export function correlationIdFrom(received: unknown): string {
  return typeof received === 'string' && SAFE_ID.test(received) ? received : randomUUID();
}

export function attachRequestContext(carrier: object, context: RequestContext): RequestContext {
  contexts.set(carrier, context);
  return context;
}

export function requestContextOf(carrier: object): RequestContext | undefined {
  return contexts.get(carrier);
}

/** The authenticated caller of a request (HTTP request object or gRPC Metadata), once the guard has run. */
export function principalOf(carrier: object): Principal | undefined {
  return contexts.get(carrier)?.principal;
}

/** When the token of a request's caller expires (ms since the epoch), once the guard has run. */
export function tokenExpiryOf(carrier: object): number | undefined {
  return contexts.get(carrier)?.tokenExpiresAt;
}

export function correlationIdOf(carrier: object): string | undefined {
  return contexts.get(carrier)?.correlationId;
}
