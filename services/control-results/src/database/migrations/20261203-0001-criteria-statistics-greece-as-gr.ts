import type { SqlMigration } from '@ics2/event-store';

/**
 * Statistics facts projected before the projection read EL as GR still name Greece EL: a Greek user's statistics
 * (token GR) missed them, and Greece's counts came out split under two codes. hit_facts and control_facts are read
 * models (derived, replayable): rewriting them to what a replay now gives is allowed; the events keep EL as written.
 * member_state is in no key, so no row collides.
 */
export const criteriaStatisticsGreeceAsGr: SqlMigration = {
  id: '20261203-0001-criteria-statistics-greece-as-gr',
  sql: `
    UPDATE control_results.hit_facts SET member_state = 'GR' WHERE member_state = 'EL';
    UPDATE control_results.control_facts SET member_state = 'GR' WHERE member_state = 'EL';`,
};
