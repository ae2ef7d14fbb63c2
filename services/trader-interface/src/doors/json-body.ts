/** Trader messages are JSON: anything else is 415 before it is read (the platform's parser reads JSON only). */
import { UnsupportedMediaTypeException } from '@nestjs/common';
import { PlatformError, type Principal } from '@ics2/platform';

export function requireJson(contentType: string | undefined): void {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json' && !type.endsWith('+json')) throw new UnsupportedMediaTypeException('messages must be sent as application/json');
}

export function traderEori(caller: Principal): string {
  if (caller.actor.kind !== 'trader') throw new PlatformError('permission', 'AUTH.ROLE', 'only economic operators use this door');
  return caller.actor.eori;
}
