/**
 * The message id that makes a re-sent message idempotent: the operator's Idempotency-Key header when it sends one,
 * else a digest of what the message is (target and body), so sending the same message twice is the same message.
 * The digest is of canonical JSON (members sorted), as the registration's body digest is: a client that writes the
 * members of a re-sent message in another order (another serialiser, a retry rebuilt from its data) sends the same
 * message, not a second one. A key names one message: the door takes it for the first message sent with it
 * (IdempotencyKeys), and refuses it for any other.
 */
import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { canonicalJson } from '@ics2/event-store';
import { CLOCK, DatabaseConnection, PlatformError, type Clock } from '@ics2/platform';

const KEY = /^[A-Za-z0-9._:-]{1,128}$/;
const POINTER = '/headers/idempotency-key';

const digestOf = (parts: readonly unknown[]): string => createHash('sha256').update(canonicalJson(parts)).digest('hex');

// The first message to take the key keeps it; a twin sent at once waits on the primary key and then reads it.
const TAKE = `
  WITH taken AS (
    INSERT INTO trader_interface.idempotency_keys (sender, idempotency_key, message_sha256, first_sent_at)
    VALUES ($1, $2, $3, $4)
    ON CONFLICT (sender, idempotency_key) DO NOTHING
    RETURNING message_sha256)
  SELECT message_sha256 FROM taken
  UNION ALL
  SELECT message_sha256 FROM trader_interface.idempotency_keys
  WHERE sender = $1 AND idempotency_key = $2 AND NOT EXISTS (SELECT 1 FROM taken)`;

@Injectable()
export class IdempotencyKeys {
  constructor(
    @Inject(DatabaseConnection) private readonly database: DatabaseConnection,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * The message id of a message the door accepted: `key:<key>` once the sender's key is taken for this message (the
   * parts say what it is: its target and body), else the digest. The same key with another message: 409 X11.
   */
  async messageIdOf(sender: string, idempotencyKey: string | undefined, ...parts: unknown[]): Promise<string> {
    const digest = digestOf(parts);
    if (idempotencyKey === undefined) return `sha256:${digest}`;
    if (!KEY.test(idempotencyKey)) {
      throw new PlatformError('validation', 'IE3N99', 'the Idempotency-Key header is not a plain id', [
        { validationCode: '12', pointer: POINTER, description: 'Idempotency-Key: 1 to 128 of A-Z a-z 0-9 . _ : -' },
      ]);
    }
    const values = [sender, idempotencyKey, digest, this.clock.now()];
    for (let attempt = 0; attempt < 5; attempt++) {
      const { rows } = await this.database.pool.query<{ message_sha256: string }>({ name: 'trader_interface.take_idempotency_key', text: TAKE, values });
      if (rows[0]) {
        if (rows[0].message_sha256 === digest) return `key:${idempotencyKey}`;
        throw new PlatformError('conflict', 'X11', 'the Idempotency-Key was already used for another message', [
          { validationCode: 'X11', pointer: POINTER, description: 'Idempotency-Key already used for another message' },
        ]);
      }
    }
    throw new Error(`the Idempotency-Key of ${sender} was neither taken nor found`);
  }
}
