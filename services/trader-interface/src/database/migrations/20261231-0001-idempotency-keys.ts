import type { SqlMigration } from '@ics2/event-store';

/**
 * Each operator's Idempotency-Key and the digest of the one message it names (doors/idempotency-keys.ts): the door
 * takes a key once it accepted the message, so the same key with another message is refused (409, X11) instead of
 * getting that first message's answer. Written by the trader doors alone; not a read model (no events behind it,
 * never replayed), and it never leaves the service.
 */
export const idempotencyKeys: SqlMigration = {
  id: '20261231-0001-idempotency-keys',
  sql: `
    CREATE TABLE trader_interface.idempotency_keys (
      sender          text NOT NULL,
      idempotency_key text NOT NULL,
      -- sha256 of the message as canonical JSON: what it is (its kind and target) and its body
      message_sha256  text NOT NULL,
      first_sent_at   timestamptz NOT NULL,
      PRIMARY KEY (sender, idempotency_key)
    );`,
};
