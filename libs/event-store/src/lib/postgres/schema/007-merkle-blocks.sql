-- Stored subtree roots of the checkpoints' Merkle tree (integrity/merkle-log.ts), one per aligned block of 1024
-- leaves, so that an inclusion proof reads the log only inside the blocks that hold its events: the rest of the tree
-- is these roots (and the proving checkpoint's frontier). Without them a proof read the log from the checkpoint before
-- its first event to the end of the frontier subtree after its last: half a million hashes for an MRN of the first
-- wave in a log of a million events (5 s in bench:integrity), and more every day the log grows.
--
-- Nothing here is trusted: a root is only ever a step of a proof that must end at a signed merkle_root, so a wrong
-- row gives proofs that do not verify, never one that does. Written by the checkpointer (postgres-checkpointer.ts)
-- in the transaction of the checkpoint that completes the block; blocks of a log checkpointed before this migration
-- are filled in by its next run. Append-only like the checkpoints.

CREATE TABLE event_store.merkle_blocks (
  -- Leaves [block * 1024, (block + 1) * 1024) of the log, in (transaction_id, position) order.
  block        bigint PRIMARY KEY CHECK (block >= 0),
  -- RFC 6962 hash of the perfect subtree over those leaves, hex.
  root         text   NOT NULL CHECK (root ~ '^[0-9a-f]{64}$'),
  -- Where the block's last event is in the log: finds the block of an event, and bounds a read of its leaves.
  last_commit  xid8   NOT NULL,
  last_prepare bigint NOT NULL,
  CONSTRAINT merkle_blocks_last_key UNIQUE (last_commit, last_prepare)
);

CREATE FUNCTION event_store.refuse_merkle_block_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'event_store.merkle_blocks is append-only: % refused', TG_OP USING ERRCODE = 'ES001';
END $$;

CREATE TRIGGER merkle_blocks_append_only
  BEFORE UPDATE OR DELETE OR TRUNCATE ON event_store.merkle_blocks
  FOR EACH STATEMENT EXECUTE FUNCTION event_store.refuse_merkle_block_change();

REVOKE ALL ON event_store.merkle_blocks FROM PUBLIC, ics2_app;
GRANT SELECT, INSERT ON event_store.merkle_blocks TO ics2_app;
