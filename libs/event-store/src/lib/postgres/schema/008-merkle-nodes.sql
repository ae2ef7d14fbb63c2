-- The Merkle tree's stored subtrees above the blocks (007-merkle-blocks.sql): the root of every perfect, aligned
-- subtree of 2^level leaves, level 11 (two blocks) and up, so that an inclusion proof takes the tree between the
-- blocks holding its events as O(log n) stored roots instead of one block root per 1024 leaves (about 100,000 rows
-- for an early MRN in a log of 100 million events, and more every day the log grows).
--
-- Untrusted, like the blocks: a wrong root only ever gives a proof that fails at the signed merkle_root. Written by
-- the checkpointer (postgres-merkle-nodes.ts) from the block roots, in the transaction of the checkpoint that
-- completes them; a log whose blocks were stored before this migration gets its nodes at the next run.
-- Append-only like the blocks.

CREATE TABLE event_store.merkle_nodes (
  -- Leaves [idx * 2^level, (idx + 1) * 2^level) of the log, in (transaction_id, position) order.
  level smallint NOT NULL CHECK (level > 10 AND level <= 52),
  idx   bigint   NOT NULL CHECK (idx >= 0),
  -- RFC 6962 hash of the perfect subtree over those leaves, hex.
  root  text     NOT NULL CHECK (root ~ '^[0-9a-f]{64}$'),
  PRIMARY KEY (level, idx)
);

-- One refusal for every append-only table added from here on: it names the table it guards.
CREATE FUNCTION event_store.refuse_append_only_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%.% is append-only: % refused', TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_OP USING ERRCODE = 'ES001';
END $$;

CREATE TRIGGER merkle_nodes_append_only
  BEFORE UPDATE OR DELETE OR TRUNCATE ON event_store.merkle_nodes
  FOR EACH STATEMENT EXECUTE FUNCTION event_store.refuse_append_only_change();

REVOKE ALL ON event_store.merkle_nodes FROM PUBLIC, ics2_app;
GRANT SELECT, INSERT ON event_store.merkle_nodes TO ics2_app;
