-- Checkpoint claims of version 2 (integrity/signed-checkpoint.ts): besides the running digest, the RFC 6962 Merkle
-- root over the same event hashes (integrity/merkle-log.ts), so that a few events can be proven in a checkpoint
-- with a short audit path, offline. Rows signed before this migration stay version 1 and verify as they are.
-- Adding columns rewrites no row and fires no UPDATE trigger: the table stays append-only throughout.

ALTER TABLE event_store.integrity_checkpoints
  -- Which claim was signed: 1 = {position, eventCount, digest, keyId, createdAt}; 2 adds version and merkle_root.
  ADD COLUMN claim_version   smallint NOT NULL DEFAULT 1,
  -- Version 2: Merkle Tree Hash over every event hash up to the position, hex. Signed.
  ADD COLUMN merkle_root     text,
  -- Version 2: the tree's frontier after the position (hex subtree roots, largest first), so the next checkpoint
  -- extends the tree without reading the log again. Not signed: the log determines it, and whoever uses it checks
  -- that it folds into merkle_root.
  ADD COLUMN merkle_frontier jsonb,
  ADD CONSTRAINT integrity_checkpoints_claim_version_check CHECK (
    (claim_version = 1 AND merkle_root IS NULL AND merkle_frontier IS NULL)
    OR (claim_version = 2 AND merkle_root IS NOT NULL AND merkle_frontier IS NOT NULL
        AND jsonb_typeof(merkle_frontier) = 'array'));

-- The application signs version 2 checkpoints: it inserts the new columns too (003 granted INSERT per column).
GRANT INSERT (claim_version, merkle_root, merkle_frontier) ON event_store.integrity_checkpoints TO ics2_app;
