/**
 * The message id that makes a re-sent message idempotent: the operator's Idempotency-Key header when it sends one,
 * else a digest of what the message is (target and body), so sending the same message twice is the same message.
 * The digest is of canonical JSON (members sorted), as the registration's body digest is: a client that writes the
 * members of a re-sent message in another order (another serialiser, a retry rebuilt from its data) sends the same
 * message, not a second one.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '@ics2/event-store';
import { PlatformError } from '@ics2/platform';

const KEY = /^[A-Za-z0-9._:-]{1,128}$/;

export function messageIdOf(idempotencyKey: string | undefined, ...parts: unknown[]): string {
  if (idempotencyKey !== undefined) {
    if (!KEY.test(idempotencyKey)) {
      throw new PlatformError('validation', 'IE3N99', 'the Idempotency-Key header is not a plain id', [
        { validationCode: '12', pointer: '', description: 'Idempotency-Key: 1 to 128 of A-Z a-z 0-9 . _ : -' },
      ]);
    }
    return `key:${idempotencyKey}`;
  }
  return `sha256:${createHash('sha256').update(canonicalJson(parts)).digest('hex')}`;
}
