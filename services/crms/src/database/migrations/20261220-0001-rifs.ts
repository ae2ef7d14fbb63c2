import type { SqlMigration } from '@ics2/event-store';

/**
 * RIFs as the doors read them (GetRif, ListRifs) and the expiry processor looks for them: one row per RIF, with the
 * revision of its stream it reflects; one row per recipient Member State's latest feedback.
 */
export const rifs: SqlMigration = {
  id: '20261220-0001-rifs',
  sql: `
    CREATE TABLE crms.rifs (
      rif_id               text        PRIMARY KEY,
      revision             integer     NOT NULL,
      status               text        NOT NULL,
      author_kind          text        NOT NULL,
      author_member_state  text,
      author_user_id       text        NOT NULL,
      category             text        NOT NULL,
      title                text        NOT NULL,
      content              jsonb       NOT NULL,
      -- published: to all, or to the listed Member States; a draft has neither
      recipients_all       boolean     NOT NULL DEFAULT false,
      recipients           text[]      NOT NULL DEFAULT '{}',
      valid_from           timestamptz NOT NULL,
      valid_to             timestamptz NOT NULL,
      drafted_at           timestamptz NOT NULL,
      published_at         timestamptz,
      closed_at            timestamptz,
      close_reason         text,
      expired_at           timestamptz,
      backtest             jsonb,
      profile_active       boolean     NOT NULL DEFAULT false
    );
    CREATE INDEX rifs_author_idx ON crms.rifs (author_member_state);
    CREATE INDEX rifs_recipients_idx ON crms.rifs USING gin (recipients);
    CREATE INDEX rifs_expiry_idx ON crms.rifs (valid_to) WHERE status = 'published';

    CREATE TABLE crms.rif_feedback (
      rif_id        text        NOT NULL REFERENCES crms.rifs (rif_id),
      member_state  text        NOT NULL,
      user_id       text        NOT NULL,
      feedback      jsonb       NOT NULL,
      recorded_at   timestamptz NOT NULL,
      updates       integer     NOT NULL,
      PRIMARY KEY (rif_id, member_state)
    );`,
};
