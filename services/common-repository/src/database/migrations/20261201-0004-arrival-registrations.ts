import type { SqlMigration } from '@ics2/event-store';

/** The arrival registration's own MRN (IE3R04), reserved per (notifier, message id) so a re-sent IE3N06 gets it again. */
export const arrivalRegistrations: SqlMigration = {
  id: '20261201-0004-arrival-registrations',
  sql: `
    CREATE TABLE common_repository.arrival_registrations (
      notifier      text        NOT NULL,
      message_id    text        NOT NULL,
      serial        bigint      NOT NULL UNIQUE,
      mrn_year      integer     NOT NULL,
      mrn_country   text        NOT NULL,
      registered_at timestamptz NOT NULL,
      PRIMARY KEY (notifier, message_id)
    );`,
};
