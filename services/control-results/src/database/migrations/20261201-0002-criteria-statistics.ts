import type { SqlMigration } from '@ics2/event-store';

/**
 * The facts the criteria statistics are counted from, one row per hit and one per (control, criterion), so a
 * count is a GROUP BY and a correction replaces one row. Both are keyed by the responsible Member State (who
 * analysed) and a quarter: of the analysis for hits, of the result for controls.
 */
export const criteriaStatistics: SqlMigration = {
  id: '20261201-0002-criteria-statistics',
  sql: `
    CREATE TABLE control_results.hit_facts (
      mrn           text    NOT NULL,
      analysis_id   text    NOT NULL,
      criterion_id  text    NOT NULL,
      version       integer NOT NULL,
      house         text    NOT NULL,
      member_state  text    NOT NULL,
      quarter       text    NOT NULL,
      assessment    text    NOT NULL CHECK (assessment IN ('pending', 'confirmed', 'dismissed')),
      PRIMARY KEY (mrn, analysis_id, criterion_id, version, house)
    );
    CREATE INDEX hit_facts_stats_idx ON control_results.hit_facts (quarter, criterion_id, member_state);

    CREATE TABLE control_results.control_facts (
      mrn           text    NOT NULL,
      case_id       text    NOT NULL,
      criterion_id  text    NOT NULL,
      version       integer NOT NULL,
      member_state  text    NOT NULL,
      quarter       text    NOT NULL,
      result_id     text    NOT NULL,
      performed     boolean NOT NULL,
      positive      boolean NOT NULL,
      PRIMARY KEY (mrn, case_id, criterion_id, version)
    );
    CREATE INDEX control_facts_stats_idx ON control_results.control_facts (quarter, criterion_id, member_state);`,
};
