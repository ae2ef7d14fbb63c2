-- Durable subscriptions (postgres-subscription.ts). Unlike events, these rows change: the application role
-- may update and delete them.

-- One checkpoint per (subscription, partition): the log position of the last event whose effects committed.
-- Saved in the handler's transaction with compare-and-set on the previous position (postgres-checkpoints.ts).
-- (-1, -1) is the start of the log. partition_count is kept so that a restart with another count is refused.
CREATE TABLE IF NOT EXISTS event_store.subscription_checkpoints (
  subscription     text        NOT NULL,
  partition        integer     NOT NULL,
  partition_count  integer     NOT NULL,
  position_commit  bigint      NOT NULL,
  position_prepare bigint      NOT NULL,
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (subscription, partition),
  CHECK (partition >= 0 AND partition < partition_count)
);

-- Replicas running a subscription, so each knows how many share its partitions (postgres-partition-leases.ts).
-- Who holds a partition is not here: that is a session advisory lock, which dies with its holder's connection.
-- backend_pid is the holder's lock session: a row whose session is gone counts as dead before its heartbeat ages.
-- lease_key is the advisory lock namespace hashed from the name, kept so that two names sharing one are refused.
CREATE TABLE IF NOT EXISTS event_store.subscription_members (
  subscription text        NOT NULL,
  consumer_id  text        NOT NULL,
  lease_key    integer     NOT NULL,
  backend_pid  integer     NOT NULL,
  joined_at    timestamptz NOT NULL DEFAULT now(),
  heartbeat_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (subscription, consumer_id)
);
CREATE INDEX IF NOT EXISTS subscription_members_lease_key_idx ON event_store.subscription_members (lease_key);

GRANT SELECT, INSERT, UPDATE, DELETE ON event_store.subscription_checkpoints, event_store.subscription_members TO ics2_app;
