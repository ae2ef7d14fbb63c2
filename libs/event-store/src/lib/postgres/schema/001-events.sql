-- The global event log (libs/event-store/README.md). Applied once by migrateEventStore, inside one transaction.

-- The application's group role. Roles are cluster-wide and migrations of several databases may run at once, so a
-- concurrent creator's duplicate error is ignored. Keep the name in step with APP_ROLE (migrate.ts).
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ics2_app') THEN CREATE ROLE ics2_app NOLOGIN; END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

CREATE SCHEMA IF NOT EXISTS event_store;

-- `prepare` of a Position. Taken at INSERT, so values commit out of order: readers order by transaction first.
CREATE SEQUENCE event_store.events_position_seq AS bigint;

CREATE TABLE event_store.events (
  position       bigint      NOT NULL DEFAULT nextval('event_store.events_position_seq'),
  -- `commit` of a Position: the appending transaction. Readers stop below pg_snapshot_xmin (postgres-read-all.ts).
  transaction_id xid8        NOT NULL DEFAULT pg_current_xact_id(),
  stream_id      text        NOT NULL CHECK (stream_id <> ''),
  -- Both derived from stream_id at append time (postgres-partition.ts) so readAll filters without recomputing.
  category       text        NOT NULL,
  stream_hash    integer     NOT NULL CHECK (stream_hash >= 0),
  revision       integer     NOT NULL CHECK (revision >= 0),
  id             uuid        NOT NULL,
  type           text        NOT NULL CHECK (type <> ''),
  data           jsonb       NOT NULL,
  -- schemaVersion, occurredAt, correlationId, causationId, actor
  metadata       jsonb       NOT NULL,
  -- Database clock, whole milliseconds: the exact instant the hash covers.
  recorded_at    timestamptz NOT NULL,
  -- sha256 of the canonical content chained to the previous event of the stream (integrity/hash-chain.ts).
  hash           text        NOT NULL,
  CONSTRAINT events_pkey PRIMARY KEY (position),
  -- Both unique constraints are the append's concurrency and idempotency guards (postgres-append.ts).
  CONSTRAINT events_id_key UNIQUE (id),
  CONSTRAINT events_stream_revision_key UNIQUE (stream_id, revision)
);
ALTER SEQUENCE event_store.events_position_seq OWNED BY event_store.events.position;

CREATE INDEX events_transaction_position_idx ON event_store.events (transaction_id, position);
CREATE INDEX events_category_transaction_position_idx ON event_store.events (category, transaction_id, position);

-- Append, in one call (postgres-append.ts explains the rules; postgres-append-input.ts the hash assembly, which
-- must give exactly integrity/hash-chain.ts's eventHash). Nothing is written unless no id was seen before and the
-- expectation holds; the caller decides from what is returned. Concurrent appends are settled by the unique
-- constraints: the loser's INSERT fails and the caller calls again. plan_cache_mode: the statements inside run on
-- cached generic plans instead of being planned again on every call, which costs more than running them.
CREATE FUNCTION event_store.append_events(
  p_stream_id text, p_category text, p_stream_hash integer,
  p_expected text, p_expected_revision integer,
  p_ids uuid[], p_types text[], p_data jsonb[], p_metadata jsonb[],
  p_canonical_heads text[], p_canonical_tails text[], p_notify boolean)
RETURNS TABLE (head_revision integer, head_prepare bigint, head_commit xid8, seen json,
               appended_prepare bigint, appended_commit xid8)
LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
  v_head record;
  v_count integer := cardinality(p_ids);
  v_recorded_at timestamptz;
  v_recorded_at_iso text;
  v_revision integer;
  v_hash text;
  v_hashes text[] := '{}';
BEGIN
  SELECT e.revision, e.hash, e.position, e.transaction_id, e.recorded_at INTO v_head
    FROM event_store.events e WHERE e.stream_id = p_stream_id ORDER BY e.revision DESC LIMIT 1;
  head_revision := v_head.revision;
  head_prepare := v_head.position;
  head_commit := v_head.transaction_id;
  -- Idempotency: earlier events carrying any of the ids, each with the size of the append it belonged to.
  SELECT json_agg(json_build_object('streamId', e.stream_id, 'id', e.id, 'revision', e.revision,
      'commit', e.transaction_id::text, 'prepare', e.position::text,
      'appendSize', (SELECT count(*) FROM event_store.events b
                      WHERE b.transaction_id = e.transaction_id AND b.stream_id = e.stream_id)))
    INTO seen FROM event_store.events e WHERE e.id = ANY(p_ids);
  -- The CASE in parentheses: IF reads its condition up to the first THEN outside them.
  IF seen IS NOT NULL OR v_count = 0 OR NOT (CASE p_expected
      WHEN 'any' THEN true
      WHEN 'no-stream' THEN v_head.revision IS NULL
      WHEN 'stream-exists' THEN v_head.revision IS NOT NULL
      ELSE coalesce(v_head.revision, -1) = p_expected_revision END) THEN
    RETURN NEXT;
    RETURN;
  END IF;
  -- The database clock in whole milliseconds (an ISO string round-trips through a JS Date), never earlier than
  -- the stream's last event, so recorded_at never decreases along a stream and `asOf` reads a prefix of it.
  v_recorded_at := GREATEST(date_trunc('milliseconds', clock_timestamp()), v_head.recorded_at);
  v_recorded_at_iso := to_char(v_recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
  v_revision := coalesce(v_head.revision, -1);
  v_hash := coalesce(v_head.hash, repeat('0', 64));
  FOR i IN 1..v_count LOOP
    v_revision := v_revision + 1;
    v_hash := encode(sha256(convert_to(p_canonical_heads[i] || v_recorded_at_iso || '","revision":' || v_revision
                                       || p_canonical_tails[i] || v_hash, 'UTF8')), 'hex');
    v_hashes[i] := v_hash;
  END LOOP;
  -- Rows go in in order, so positions grow with revisions and the last position is the sequence's currval.
  INSERT INTO event_store.events (stream_id, category, stream_hash, revision, id, type, data, metadata, recorded_at, hash)
  SELECT p_stream_id, p_category, p_stream_hash, coalesce(v_head.revision, -1) + e.n::integer, e.id, e.type, e.data,
         e.metadata, v_recorded_at, v_hashes[e.n]
  FROM unnest(p_ids, p_types, p_data, p_metadata) WITH ORDINALITY AS e(id, type, data, metadata, n)
  ORDER BY e.n;
  appended_prepare := currval('event_store.events_position_seq');
  appended_commit := pg_current_xact_id();
  IF p_notify THEN PERFORM pg_notify('event_store_appended', p_category); END IF;
  RETURN NEXT;
END $$;

-- The global log after a position, for readAll (postgres-read-all.ts explains the watermark). A function for its
-- SET clauses: with enable_sort off the planner walks an index in log order and stops at the limit; left alone, with
-- missing or stale statistics it may fetch every remaining row and sort them, which makes a catch-up quadratic.
-- STABLE: the query runs in the caller's snapshot, the one pg_current_snapshot() describes.
CREATE FUNCTION event_store.read_all(
  p_after_commit xid8, p_after_prepare bigint, p_limit bigint,
  p_categories text[], p_types text[], p_partition_count integer, p_partition_index integer)
RETURNS SETOF event_store.events
LANGUAGE plpgsql STABLE
SET enable_sort = off
SET plan_cache_mode = force_generic_plan
AS $$
BEGIN
  IF cardinality(p_categories) = 1 THEN
    -- One category: its own index is already in log order.
    RETURN QUERY SELECT * FROM event_store.events e
      WHERE e.category = p_categories[1]
        AND (e.transaction_id, e.position) > (p_after_commit, p_after_prepare)
        AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        AND (p_types IS NULL OR e.type = ANY(p_types))
        AND (p_partition_count IS NULL OR e.stream_hash % p_partition_count = p_partition_index)
      ORDER BY e.transaction_id, e.position
      LIMIT p_limit;
  ELSE
    RETURN QUERY SELECT * FROM event_store.events e
      WHERE (e.transaction_id, e.position) > (p_after_commit, p_after_prepare)
        AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        AND (p_categories IS NULL OR e.category = ANY(p_categories))
        AND (p_types IS NULL OR e.type = ANY(p_types))
        AND (p_partition_count IS NULL OR e.stream_hash % p_partition_count = p_partition_index)
      ORDER BY e.transaction_id, e.position
      LIMIT p_limit;
  END IF;
END $$;

-- Append-only for everyone, owner and superusers included. Statement-level, so even a statement touching no row is
-- refused. Only `SET session_replication_role = replica` (superuser) skips it: tamper tests do exactly that.
CREATE FUNCTION event_store.refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'event_store.events is append-only: % refused', TG_OP USING ERRCODE = 'ES001';
END $$;

CREATE TRIGGER events_append_only
  BEFORE UPDATE OR DELETE OR TRUNCATE ON event_store.events
  FOR EACH STATEMENT EXECUTE FUNCTION event_store.refuse_event_change();

-- The application reads and appends, nothing more. INSERT is granted per column: position and transaction_id
-- always come from their defaults, so the application cannot choose where an event sits in the log.
REVOKE ALL ON event_store.events FROM PUBLIC;
GRANT USAGE ON SCHEMA event_store TO ics2_app;
GRANT SELECT ON event_store.events TO ics2_app;
GRANT INSERT (stream_id, category, stream_hash, revision, id, type, data, metadata, recorded_at, hash)
  ON event_store.events TO ics2_app;
GRANT USAGE ON SEQUENCE event_store.events_position_seq TO ics2_app;
REVOKE ALL ON FUNCTION event_store.append_events FROM PUBLIC;
GRANT EXECUTE ON FUNCTION event_store.append_events TO ics2_app;
REVOKE ALL ON FUNCTION event_store.read_all FROM PUBLIC;
GRANT EXECUTE ON FUNCTION event_store.read_all TO ics2_app;

-- Tables added later to this schema (checkpoints, leases, signed checkpoints) are ordinary read/write state.
-- Default privileges apply to objects created by the role running this, i.e. the role that runs migrations.
ALTER DEFAULT PRIVILEGES IN SCHEMA event_store GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ics2_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA event_store GRANT USAGE, SELECT ON SEQUENCES TO ics2_app;
