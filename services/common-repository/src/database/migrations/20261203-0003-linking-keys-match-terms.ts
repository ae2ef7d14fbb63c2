import type { SqlMigration } from '@ics2/event-store';

/**
 * What the linking timer matches an incomplete master's houses on besides the key (container numbers, shipping
 * marks as the timer compares them: trimmed, upper case), as arrays with GIN indexes over the open unlinked houses.
 * The timer read the oldest 1,000 unlinked houses of the family and matched them in code, so a house beyond those
 * was never proposed however well it matched; it now asks for the houses sharing a container or a mark. Rows
 * written before are filled from `houses` here; the processor writes both on insert and amendment.
 * The family's unlinked houses in order (20261203-0002) are no longer read that way: that index goes.
 */
export const linkingKeysMatchTerms: SqlMigration = {
  id: '20261203-0003-linking-keys-match-terms',
  sql: `
    ALTER TABLE common_repository.linking_keys
      ADD COLUMN containers text[] NOT NULL DEFAULT '{}',
      ADD COLUMN shipping_marks text[] NOT NULL DEFAULT '{}';
    UPDATE common_repository.linking_keys k SET
      containers = ARRAY(SELECT DISTINCT c FROM jsonb_array_elements(k.houses) h, jsonb_array_elements_text(h->'containers') c ORDER BY c),
      shipping_marks = ARRAY(SELECT DISTINCT upper(regexp_replace(m, '^\\s+|\\s+$', '', 'g')) AS m FROM jsonb_array_elements(k.houses) h,
                             jsonb_array_elements_text(h->'shippingMarks') m ORDER BY 1);
    CREATE INDEX linking_keys_unlinked_containers_idx ON common_repository.linking_keys USING gin (containers)
      WHERE open AND level = 'house' AND linked_to IS NULL;
    CREATE INDEX linking_keys_unlinked_marks_idx ON common_repository.linking_keys USING gin (shipping_marks)
      WHERE open AND level = 'house' AND linked_to IS NULL;
    DROP INDEX common_repository.linking_keys_unlinked_houses_idx;`,
};
