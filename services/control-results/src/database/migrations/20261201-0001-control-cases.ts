import type { SqlMigration } from '@ics2/event-store';

/** One row per control case: the Member State of control's queue (ListCases). GetCase reads the stream itself. */
export const controlCases: SqlMigration = {
  id: '20261201-0001-control-cases',
  sql: `
    CREATE TABLE control_results.control_cases (
      mrn                      text        NOT NULL,
      case_id                  text        NOT NULL,
      revision                 integer     NOT NULL,
      status                   text        NOT NULL,
      member_state_of_control  text        NOT NULL,
      responsible_member_state text        NOT NULL,
      involved_member_states   text[]      NOT NULL,
      control_type             text        NOT NULL,
      opened_at                timestamptz NOT NULL,
      PRIMARY KEY (mrn, case_id)
    );
    CREATE INDEX control_cases_open_idx ON control_results.control_cases (member_state_of_control, opened_at)
      WHERE status IN ('awaiting-decision', 'decided-control');`,
};
