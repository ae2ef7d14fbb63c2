import type { SqlMigration } from '@ics2/event-store';

/**
 * The Member State signal streams (signals/, SubscribeSignals): a keyed feed per Member State, written only by the
 * subscription `risk-analysis.signals` (with its checkpoint, in one transaction), read by cursor. Plus the little
 * that projection keeps of each analysis, so the events that do not name the responsible and involved Member
 * States (ReferralAnswered, RiskAnalysisEscalated, RiskMitigationAdded, the outcomes) find their recipients.
 */
export const signals: SqlMigration = {
  id: '20261220-0001-signals',
  sql: `
    -- One counter per Member State: the last sequence number handed out. Bumped at the end of the projection's
    -- transaction, Member States in sorted order, so writers for one Member State commit in sequence order.
    CREATE TABLE risk_analysis.signal_sequences (
      member_state text   PRIMARY KEY,
      last_seq     bigint NOT NULL CHECK (last_seq > 0)
    );
    CREATE TABLE risk_analysis.signals (
      member_state    text        NOT NULL,
      -- the Member State's own sequence: the cursor (replay reads seq > after through the primary key)
      seq             bigint      NOT NULL CHECK (seq > 0),
      -- name-based from (source event, kind, Member State): a redelivered event finds it taken
      id              uuid        NOT NULL,
      kind            text        NOT NULL,
      mrn             text        NOT NULL,
      analysis_id     text        NOT NULL,
      phase           text        NOT NULL,
      -- the source event's recordedAt
      created_at      timestamptz NOT NULL,
      payload         jsonb       NOT NULL,
      source_event_id uuid        NOT NULL,
      PRIMARY KEY (member_state, seq),
      CONSTRAINT signals_member_state_id_key UNIQUE (member_state, id)
    );
    -- Who an analysis concerns, from its RiskAnalysed (same risk stream, so projected before its later events).
    CREATE TABLE risk_analysis.signal_analyses (
      mrn                      text    NOT NULL,
      analysis_id              text    NOT NULL,
      phase                    text    NOT NULL,
      responsible_member_state text    NOT NULL,
      involved_member_states   text[]  NOT NULL,
      -- hits or manual review: the analysis went to the risk unit (and its outcome is told to the involved)
      referred                 boolean NOT NULL,
      PRIMARY KEY (mrn, analysis_id)
    );`,
};
