/** Trader messages are JSON: anything else is 415 before it is read (the platform's parser reads JSON only). */
import { createParamDecorator, UnsupportedMediaTypeException, type ExecutionContext } from '@nestjs/common';
import { PlatformError, type Principal } from '@ics2/platform';

export function requireJson(contentType: string | undefined): void {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json' && !type.endsWith('+json')) throw new UnsupportedMediaTypeException('messages must be sent as application/json');
}

export function traderEori(caller: Principal): string {
  if (caller.actor.kind !== 'trader') throw new PlatformError('permission', 'AUTH.ROLE', 'only economic operators use this door');
  return caller.actor.eori;
}

interface BodyRequest {
  readonly headers: Record<string, string | undefined>;
  readonly body?: unknown;
}

const sentBody = (req: BodyRequest): boolean => req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? '0') > 0;

/**
 * The request's JSON body, or `undefined` when it sent none: the JSON parser turns "no body" into `{}`, which would
 * then be refused element by element instead of as the missing message it is.
 */
export const JsonBody = createParamDecorator((_data: unknown, context: ExecutionContext): unknown => {
  const req = context.switchToHttp().getRequest<BodyRequest>();
  return sentBody(req) ? req.body : undefined;
});

/**
 * The body of a message whose body may be left out (IE3Q04): `undefined` when none was sent, else the JSON body, and
 * 415 for a body the JSON parser did not read (another media type): read as "no body", it would be acted on without
 * what it says.
 */
export const OptionalJsonBody = createParamDecorator((_data: unknown, context: ExecutionContext): unknown => {
  const req = context.switchToHttp().getRequest<BodyRequest>();
  if (!sentBody(req)) return undefined;
  requireJson(req.headers['content-type']);
  if (req.body === undefined) throw new UnsupportedMediaTypeException('messages must be sent as application/json');
  return req.body;
});
