import type { SqlMigration } from '@ics2/event-store';

/**
 * Crisis alerts in the order risk units receive them. `seq` is the cursor: taken from the one-row counter inside the
 * projection's transaction, whose row lock makes every later number wait for this transaction to end, so numbers
 * become visible in increasing order and a reader reading `seq > cursor` never skips one (a plain sequence would
 * not: its numbers commit out of order).
 */
export const crisisAlerts: SqlMigration = {
  id: '20261220-0003-crisis-alerts',
  sql: `
    CREATE TABLE crms.crisis_alert_sequence (
      id        smallint PRIMARY KEY CHECK (id = 1),
      last_seq  bigint   NOT NULL
    );
    INSERT INTO crms.crisis_alert_sequence (id, last_seq) VALUES (1, 0);

    CREATE TABLE crms.crisis_alerts (
      seq                bigint      PRIMARY KEY CHECK (seq > 0),
      alert_id           text        NOT NULL UNIQUE,
      revision           integer     NOT NULL,
      title              text        NOT NULL,
      description        text        NOT NULL,
      all_member_states  boolean     NOT NULL,
      member_states      text[]      NOT NULL,
      rif_id             text,
      published_by       text        NOT NULL,
      published_at       timestamptz NOT NULL
    );`,
};
