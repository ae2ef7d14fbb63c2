/** A door-side IE3N99: the validation's items as a platform validation error (400), nothing sent on. */
import type { Ics2Error } from '@ics2/contracts';
import { PlatformError } from '@ics2/platform';

export function ie3n99(errors: readonly Ics2Error[]): PlatformError {
  return new PlatformError(
    'validation',
    'IE3N99',
    'the message was rejected',
    errors.map((e) => ({ validationCode: e.code, pointer: e.pointer, description: e.description })),
  );
}

/** Where a message's idempotency key comes from: the Idempotency-Key header, or the message itself. */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
