-- Checkpoint claims of version 3 (integrity/signed-checkpoint.ts, integrity/stream-heads.ts): besides the log's
-- Merkle root, the number of streams and the Merkle root over every stream's head (its last revision and that
-- event's hash) at the position. An inclusion proof shows an event is in the log, never that its stream has nothing
-- after it; a signed head does, so an audit bundle proves it holds each stream to its end. Rows of versions 1 and 2
-- stay as they are and verify as before. Adding columns rewrites no row and fires no UPDATE trigger.

ALTER TABLE event_store.integrity_checkpoints
  -- Version 3: streams with at least one event up to the position. Signed.
  ADD COLUMN stream_count bigint CHECK (stream_count >= 0),
  -- Version 3: Merkle Tree Hash over the streams' head digests, in the order the streams first appear. Signed.
  ADD COLUMN heads_root   text,
  DROP CONSTRAINT integrity_checkpoints_claim_version_check,
  ADD CONSTRAINT integrity_checkpoints_claim_version_check CHECK (
    (claim_version = 1 AND merkle_root IS NULL AND merkle_frontier IS NULL AND stream_count IS NULL AND heads_root IS NULL)
    OR (claim_version = 2 AND merkle_root IS NOT NULL AND merkle_frontier IS NOT NULL
        AND jsonb_typeof(merkle_frontier) = 'array' AND stream_count IS NULL AND heads_root IS NULL)
    OR (claim_version = 3 AND merkle_root IS NOT NULL AND merkle_frontier IS NOT NULL
        AND jsonb_typeof(merkle_frontier) = 'array' AND stream_count IS NOT NULL AND heads_root IS NOT NULL));

GRANT INSERT (stream_count, heads_root) ON event_store.integrity_checkpoints TO ics2_app;

-- The heads as of the latest checkpoint, so that the next one continues from them instead of reading the whole log
-- (postgres-checkpointer.ts), and an export proves a head without it. Derived and unsigned, like the stored Merkle
-- blocks: whoever uses it first checks that it gives the latest checkpoint's signed heads root, and reads the log
-- instead when it does not. Written by the checkpointer in the transaction that inserts the checkpoint.
CREATE TABLE IF NOT EXISTS event_store.stream_heads (
  stream_id text   NOT NULL,
  -- The stream's leaf in the heads tree: the order streams first appear in the log, from 0.
  leaf      bigint NOT NULL CHECK (leaf >= 0),
  revision  integer NOT NULL CHECK (revision >= 0),
  hash      text   NOT NULL,
  CONSTRAINT stream_heads_pkey PRIMARY KEY (stream_id),
  CONSTRAINT stream_heads_leaf_key UNIQUE (leaf)
);

REVOKE ALL ON event_store.stream_heads FROM PUBLIC, ics2_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON event_store.stream_heads TO ics2_app;
