import type { SqlMigration } from '@ics2/event-store';

/**
 * Rows projected before the projection read EL as GR still name Greece EL, so a Greek user's queue missed them.
 * control_cases is a read model (derived, replayable): rewriting it to what a replay now gives is allowed; the
 * events keep EL as written.
 */
export const controlCasesGreeceAsGr: SqlMigration = {
  id: '20261202-0001-control-cases-greece-as-gr',
  sql: `
    UPDATE control_results.control_cases SET member_state_of_control = 'GR' WHERE member_state_of_control = 'EL';
    UPDATE control_results.control_cases SET responsible_member_state = 'GR' WHERE responsible_member_state = 'EL';
    UPDATE control_results.control_cases SET involved_member_states = array_replace(involved_member_states, 'EL', 'GR')
      WHERE 'EL' = ANY (involved_member_states);`,
};
