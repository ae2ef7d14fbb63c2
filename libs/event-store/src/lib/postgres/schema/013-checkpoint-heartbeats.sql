-- Heartbeat checkpoints (postgres-checkpointer.ts, `heartbeatMs`): a checkpointer with nothing new to sign signs
-- the same claim again, at a later createdAt, so that the newest signature always shows how recently the store was
-- vouched for; verification can then tell checkpoints removed to hide a rewrite (the newest one left is old) from a
-- quiet store, without trusting recorded_at. One checkpoint per key, position and signing time: a retried insert of
-- the same signed row is still refused, and the advisory lock still keeps concurrent checkpointers apart.
ALTER TABLE event_store.integrity_checkpoints
  DROP CONSTRAINT integrity_checkpoints_position_key,
  ADD CONSTRAINT integrity_checkpoints_position_key UNIQUE (position_commit, position_prepare, key_id, created_at);
