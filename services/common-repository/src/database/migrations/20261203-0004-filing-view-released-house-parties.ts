import type { SqlMigration } from '@ics2/event-store';

/**
 * A house linked to no master is seen by its own parties only (filer, declarant, representative, carrier, in that
 * order, each once: the projection's ownParties). Rows projected before this migration kept the carrier of a master
 * whose link was released (the master invalidated), who could still consult and find the house: corrected here as a
 * replay of common-repository.filing-view would. A house still linked keeps its master's carrier.
 */
export const filingViewReleasedHouseParties: SqlMigration = {
  id: '20261203-0004-filing-view-released-house-parties',
  sql: `
    UPDATE common_repository.filing_view f
       SET parties = ARRAY(
             SELECT o.p FROM unnest(ARRAY[f.filed_by, f.declarant, f.representative, f.carrier]) WITH ORDINALITY AS o(p, i)
              WHERE o.p IS NOT NULL AND o.p <> ''
                AND o.i = (SELECT min(q.i) FROM unnest(ARRAY[f.filed_by, f.declarant, f.representative, f.carrier]) WITH ORDINALITY AS q(p, i) WHERE q.p = o.p)
              ORDER BY o.i)
     WHERE f.level = 'house' AND f.linked = '[]'::jsonb;`,
};
