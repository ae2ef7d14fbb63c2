-- Signed checkpoints over the global log (integrity/signed-checkpoint.ts, postgres-checkpointer.ts). A checkpoint is
-- evidence an auditor relies on, so it is append-only like the events it covers.

CREATE TABLE event_store.integrity_checkpoints (
  id               bigint      GENERATED ALWAYS AS IDENTITY,
  -- The last event covered, as (transaction_id, position) of event_store.events; xid8 values fit a bigint.
  position_commit  bigint      NOT NULL CHECK (position_commit >= 0),
  position_prepare bigint      NOT NULL CHECK (position_prepare >= 0),
  -- Events in the log up to that position, from the start.
  event_count      bigint      NOT NULL CHECK (event_count > 0),
  -- Running digest of every event hash up to the position (integrity/log-digest.ts), hex.
  digest           text        NOT NULL,
  -- Ed25519, base64, over the canonical claim {position, eventCount, digest, keyId, createdAt}.
  signature        text        NOT NULL,
  -- First 16 hex of sha256 of the raw public key: which trusted key verifies the signature.
  key_id           text        NOT NULL,
  -- Signed in whole milliseconds, so it reads back to the exact text that was signed.
  created_at       timestamptz NOT NULL,
  CONSTRAINT integrity_checkpoints_pkey PRIMARY KEY (id),
  -- One checkpoint per key and position: a retried or concurrent checkpointer cannot add a duplicate.
  CONSTRAINT integrity_checkpoints_position_key UNIQUE (position_commit, position_prepare, key_id)
);

-- Statement-level like events' trigger; only a superuser's `session_replication_role = replica` skips it (tamper tests).
CREATE FUNCTION event_store.refuse_checkpoint_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'event_store.integrity_checkpoints is append-only: % refused', TG_OP USING ERRCODE = 'ES001';
END $$;

CREATE TRIGGER integrity_checkpoints_append_only
  BEFORE UPDATE OR DELETE OR TRUNCATE ON event_store.integrity_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION event_store.refuse_checkpoint_change();

-- 001's default privileges would give the application UPDATE and DELETE here: take them back. The id always comes
-- from its identity, so INSERT is granted on the other columns only.
REVOKE ALL ON event_store.integrity_checkpoints FROM PUBLIC, ics2_app;
GRANT SELECT ON event_store.integrity_checkpoints TO ics2_app;
GRANT INSERT (position_commit, position_prepare, event_count, digest, signature, key_id, created_at)
  ON event_store.integrity_checkpoints TO ics2_app;
