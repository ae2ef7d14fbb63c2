import type { SqlMigration } from '@ics2/event-store';

/**
 * The write side's own guards, not read models: MRN serials from one sequence (unique across replicas and
 * restarts), and the (declarant, LRN) reservation that makes a re-sent filing answer with its first MRN.
 */
export const filingRegistrations: SqlMigration = {
  id: '20261201-0001-filing-registrations',
  sql: `
    CREATE SEQUENCE common_repository.mrn_serial AS bigint MINVALUE 1 START 1;
    CREATE TABLE common_repository.filing_registrations (
      declarant     text        NOT NULL,
      lrn           text        NOT NULL,
      -- sha256 of the filing's canonical JSON: the same LRN with another body is refused (X02).
      body_sha256   text        NOT NULL,
      serial        bigint      NOT NULL UNIQUE,
      mrn_year      integer     NOT NULL,
      mrn_country   text        NOT NULL,
      registered_at timestamptz NOT NULL,
      PRIMARY KEY (declarant, lrn)
    );`,
};
