import type { SqlMigration } from '@ics2/event-store';

/**
 * Indexes for the linking processor's lookups that read past the linking key (link-filings/linking-keys.ts), each of
 * which scanned the whole table or every open filing of a family, so linking cost grew with every filing kept:
 * - a master's houses (`linked_to`: invalidation, consistency checks);
 * - a PLACI house's counterpart, and the masters reading a house's figures (master document + carrier, open or not);
 * - the unlinked houses of a family, oldest first (the linking timer's candidates), read in order to their LIMIT.
 * The key lookup itself keeps linking_keys_key_idx; it now compares with `=` or `IS NULL`, which that index serves
 * (`IS NOT DISTINCT FROM` it did not).
 */
export const linkingKeysLookups: SqlMigration = {
  id: '20261203-0002-linking-keys-lookups',
  sql: `
    CREATE INDEX linking_keys_linked_to_idx ON common_repository.linking_keys (linked_to) WHERE linked_to IS NOT NULL;
    CREATE INDEX linking_keys_document_idx ON common_repository.linking_keys (master_document, carrier);
    CREATE INDEX linking_keys_unlinked_houses_idx ON common_repository.linking_keys (link_family, registered_at)
      WHERE open AND level = 'house' AND linked_to IS NULL;`,
};
