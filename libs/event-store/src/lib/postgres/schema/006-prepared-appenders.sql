-- append_horizon (005) found appenders through pg_locks and the lock holder's backend. A prepared transaction
-- (PREPARE TRANSACTION, possible when max_prepared_transactions > 0) keeps its locks without a backend (pid null),
-- so one that had appended would have been missed, and its events skipped once COMMIT PREPARED ran. Every prepared
-- transaction now counts as a possible appender: there are none unless 2PC is in use, and then they are few.
CREATE OR REPLACE FUNCTION event_store.append_horizon(OUT horizon xid8, OUT oldest_appender xid8, OUT xmin xid8)
LANGUAGE sql STABLE
AS $$
  WITH s AS (SELECT pg_current_snapshot() AS snap),
       h AS (SELECT pg_snapshot_xmax(snap) AS horizon, pg_snapshot_xmin(snap) AS xmin,
                    pg_snapshot_xmax(snap)::text::bigint AS h64 FROM s),
       appenders AS (
         SELECT a.backend_xid AS xid
           FROM pg_locks l CROSS JOIN LATERAL pg_stat_get_activity(l.pid) a
          WHERE l.locktype = 'advisory' AND l.classid = 18755 AND l.objid = 1395802448 AND l.objsubid = 1 AND l.granted
            AND a.backend_xid IS NOT NULL
         UNION ALL
         SELECT p.transaction FROM pg_prepared_xacts p)
  -- 32-bit xids, widened to xid8 next to the horizon (every running xid is within 2^31 of it).
  SELECT h.horizon,
         (SELECT (h.h64 + ((x.xid::text::bigint - (h.h64 % 4294967296) + 6442450944) % 4294967296) - 2147483648)::text::xid8
            FROM appenders x ORDER BY 1 LIMIT 1),
         h.xmin
    FROM h
$$;
