import type { SqlMigration } from '@ics2/event-store';

/** Priority control area campaigns (GetCampaign): one row per campaign with its reports, at its stream revision. */
export const campaigns: SqlMigration = {
  id: '20261220-0002-campaigns',
  sql: `
    CREATE TABLE crms.campaigns (
      campaign_id    text        PRIMARY KEY,
      revision       integer     NOT NULL,
      title          text        NOT NULL,
      period_from    timestamptz NOT NULL,
      period_to      timestamptz NOT NULL,
      member_states  text[]      NOT NULL,
      criteria       jsonb       NOT NULL,
      started_by     text        NOT NULL,
      started_at     timestamptz NOT NULL,
      reports        jsonb       NOT NULL DEFAULT '[]'
    );`,
};
