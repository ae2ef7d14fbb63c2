-- Readers wait for appenders only. read_all (001) returns events below the snapshot's xmin, so every transaction in
-- the cluster that holds an xid holds every reader back: a read-model batch running for seconds on a busy machine
-- stalls every subscription of every service for as long (seen in bench:risk: projection batches "idle in
-- transaction" for up to 9 s, the intake and the inboxes seconds behind). Only transactions that insert events
-- matter to a reader, so:
--
-- - Every INSERT into events (a statement trigger, so append_events and any other path) takes a shared advisory lock
--   (key 'ICS2AP', 0x494353324150) before its transaction has an xid, and refuses to run in a transaction that
--   already has one without holding that lock (ES002): such a transaction could have got its xid while a reader was
--   not looking, and insert below where that reader stopped. session_replication_role = replica (superusers'
--   tamper tests) skips the trigger, as it skips the append-only one.
-- - append_horizon(), one statement: the snapshot's xmax (the horizon) and the lowest xid among the transactions
--   holding that lock (pg_locks, and pg_stat_get_activity for their xid, which every role may see).
-- - read_log(.., horizon, oldest appender), the next statement, returns events below the watermark
--   least(oldest appender, lowest xid still running that is >= the horizon, xmax of its own snapshot).
--
-- Why nothing is skipped: take an event of transaction T with xid x below the watermark. If T had ended when
-- read_log's snapshot was taken, it is visible (committed) or gone (aborted). Otherwise x is in that snapshot's
-- running list, and x >= horizon is excluded by the watermark, so x < horizon: T had its xid before
-- append_horizon's snapshot, hence its lock too (lock before xid), and it still ran after that statement, so it was
-- among the lock holders append_horizon read, with x visible: the watermark is at most x, contradiction. A
-- transaction starting later gets an xid above every watermark already handed out.
--
-- The price is a look at pg_locks per read (readers poll once per batch and after notifications). readAll keeps the
-- xmin rule (read_all), which needs no such look and whose callers read on their own schedule.

-- Every statement that inserts events, append_events or any other: an appender.
CREATE FUNCTION event_store.mark_appender() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Before the first row: the INSERT (its nextval or its first row) is what gives the transaction its xid.
  IF pg_current_xact_id_if_assigned() IS NULL THEN
    PERFORM pg_advisory_xact_lock_shared(80553507438928);
  ELSIF NOT EXISTS (SELECT 1 FROM pg_locks l WHERE l.pid = pg_backend_pid() AND l.locktype = 'advisory'
                      AND l.classid = 18755 AND l.objid = 1395802448 AND l.objsubid = 1 AND l.granted) THEN
    -- Its xid predates the lock: a reader that looked in between would not have waited for it.
    RAISE EXCEPTION 'events must be the first thing a transaction writes'
      USING ERRCODE = 'ES002', HINT = 'append before writing anything else in the same transaction';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER events_mark_appender
  BEFORE INSERT ON event_store.events
  FOR EACH STATEMENT EXECUTE FUNCTION event_store.mark_appender();

CREATE FUNCTION event_store.read_log(
  p_after_commit xid8, p_after_prepare bigint, p_limit bigint,
  p_categories text[], p_types text[], p_partition_count integer, p_partition_index integer,
  p_horizon xid8, p_oldest_appender xid8)
RETURNS SETOF event_store.events
LANGUAGE plpgsql STABLE
SET enable_sort = off
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
  v_watermark xid8;
BEGIN
  -- See the header: the oldest appender seen by append_horizon(), any transaction that got its xid since, or
  -- everything this snapshot can see, whichever is lowest.
  v_watermark := least(p_oldest_appender,
    (SELECT min(x) FROM pg_snapshot_xip(pg_current_snapshot()) x WHERE x >= p_horizon),
    pg_snapshot_xmax(pg_current_snapshot()));
  IF cardinality(p_categories) = 1 THEN
    -- One category: its own index is already in log order.
    RETURN QUERY SELECT * FROM event_store.events e
      WHERE e.category = p_categories[1]
        AND (e.transaction_id, e.position) > (p_after_commit, p_after_prepare)
        AND e.transaction_id < v_watermark
        AND (p_types IS NULL OR e.type = ANY(p_types))
        AND (p_partition_count IS NULL OR e.stream_hash % p_partition_count = p_partition_index)
      ORDER BY e.transaction_id, e.position
      LIMIT p_limit;
  ELSE
    RETURN QUERY SELECT * FROM event_store.events e
      WHERE (e.transaction_id, e.position) > (p_after_commit, p_after_prepare)
        AND e.transaction_id < v_watermark
        AND (p_categories IS NULL OR e.category = ANY(p_categories))
        AND (p_types IS NULL OR e.type = ANY(p_types))
        AND (p_partition_count IS NULL OR e.stream_hash % p_partition_count = p_partition_index)
      ORDER BY e.transaction_id, e.position
      LIMIT p_limit;
  END IF;
END $$;

-- readAll's rule is read_log's with the snapshot's own xmin as horizon and no appender: the lowest running xid at or
-- above xmin is xmin itself (or, with none running, xmax = xmin). One query body for both; STABLE, so the inner
-- call runs in the same snapshot.
CREATE OR REPLACE FUNCTION event_store.read_all(
  p_after_commit xid8, p_after_prepare bigint, p_limit bigint,
  p_categories text[], p_types text[], p_partition_count integer, p_partition_index integer)
RETURNS SETOF event_store.events
LANGUAGE plpgsql STABLE
AS $$
BEGIN
  RETURN QUERY SELECT * FROM event_store.read_log(p_after_commit, p_after_prepare, p_limit, p_categories, p_types,
    p_partition_count, p_partition_index, pg_snapshot_xmin(pg_current_snapshot()), NULL);
END $$;

-- The first half of a subscription read (postgres-read-all.ts: readLogAfter).
CREATE FUNCTION event_store.append_horizon(OUT horizon xid8, OUT oldest_appender xid8, OUT xmin xid8)
LANGUAGE sql STABLE
AS $$
  WITH s AS (SELECT pg_current_snapshot() AS snap),
       h AS (SELECT pg_snapshot_xmax(snap) AS horizon, pg_snapshot_xmin(snap) AS xmin,
                    pg_snapshot_xmax(snap)::text::bigint AS h64 FROM s)
  -- backend_xid is 32 bits: widened to xid8 next to the horizon (every running xid is within 2^31 of it).
  SELECT h.horizon,
         (SELECT (h.h64 + ((a.backend_xid::text::bigint - (h.h64 % 4294967296) + 6442450944) % 4294967296) - 2147483648)::text::xid8
            FROM pg_locks l CROSS JOIN LATERAL pg_stat_get_activity(l.pid) a
           WHERE l.locktype = 'advisory' AND l.classid = 18755 AND l.objid = 1395802448 AND l.objsubid = 1 AND l.granted
             AND a.backend_xid IS NOT NULL
           ORDER BY 1 LIMIT 1),
         h.xmin
    FROM h
$$;

REVOKE ALL ON FUNCTION event_store.append_horizon FROM PUBLIC;
GRANT EXECUTE ON FUNCTION event_store.append_horizon TO ics2_app;
REVOKE ALL ON FUNCTION event_store.read_log FROM PUBLIC;
GRANT EXECUTE ON FUNCTION event_store.read_log TO ics2_app;
