-- The roots of the full blocks of 1024 head leaves (stream_heads.leaf / 1024), as merkle_blocks keeps the log's: an
-- export proves a head from its block's 1024 rows and these roots, not from every head. Written with stream_heads,
-- for the blocks whose heads moved; unsigned, and checked the same way (they must give the signed heads root).
CREATE TABLE IF NOT EXISTS event_store.stream_head_blocks (
  block bigint NOT NULL CHECK (block >= 0),
  root  text   NOT NULL,
  CONSTRAINT stream_head_blocks_pkey PRIMARY KEY (block)
);

REVOKE ALL ON event_store.stream_head_blocks FROM PUBLIC, ics2_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON event_store.stream_head_blocks TO ics2_app;
