import type { SqlMigration } from '@ics2/event-store';

/**
 * The linking processor's own table (link-filings/): each filing's unique linking key and what linking and the
 * consistency check need of its houses. Written only by that processor, in the transaction of its checkpoint.
 */
export const linkingKeys: SqlMigration = {
  id: '20261201-0003-linking-keys',
  sql: `
    CREATE TABLE common_repository.linking_keys (
      mrn             text        PRIMARY KEY,
      filing_type     text        NOT NULL,
      level           text        NOT NULL,
      -- the filing types that link with each other (F21+F22, F23+F24...): ULKs are unique within one family
      link_family     text        NOT NULL,
      placi           boolean     NOT NULL,
      master_document text,
      carrier         text,
      house_documents text[]      NOT NULL,
      parties         jsonb       NOT NULL,
      -- per house: { houseDocument, summary, containers, shippingMarks }
      houses          jsonb       NOT NULL,
      open            boolean     NOT NULL DEFAULT true,
      -- house: the master it is linked to; master: complete
      linked_to       text,
      complete        boolean     NOT NULL DEFAULT false,
      registered_at   timestamptz NOT NULL,
      timer_done      boolean     NOT NULL DEFAULT false
    );
    CREATE INDEX linking_keys_key_idx ON common_repository.linking_keys (link_family, master_document, carrier) WHERE open;
    CREATE INDEX linking_keys_timer_idx ON common_repository.linking_keys (registered_at) WHERE open AND NOT complete AND NOT timer_done AND level = 'master';`,
};
