import type { SqlMigration } from '@ics2/event-store';

/**
 * The linking timer counts from `timer_from`: the master's registration, and again from the instant an invalidated
 * house reopened it. Before, a master whose timer had run once (timer_done) was never looked at again after a
 * reopening, and one reopened long after its registration would have been due at once.
 */
export const linkingTimerRestart: SqlMigration = {
  id: '20261202-0001-linking-timer-restart',
  sql: `
    ALTER TABLE common_repository.linking_keys ADD COLUMN timer_from timestamptz;
    UPDATE common_repository.linking_keys SET timer_from = registered_at;
    ALTER TABLE common_repository.linking_keys ALTER COLUMN timer_from SET NOT NULL;
    DROP INDEX common_repository.linking_keys_timer_idx;
    CREATE INDEX linking_keys_timer_idx ON common_repository.linking_keys (timer_from) WHERE open AND NOT complete AND NOT timer_done AND level = 'master';`,
};
