-- The application appends through append_events and nothing else. Until now it also held INSERT on the columns of
-- event_store.events (001): enough to write a row past the function, with a recorded_at of its choosing and a hash
-- made to fit, so a backdated event kept an unbroken chain (verify now names it, but it should not get in at all).
-- append_events runs as its owner (the role that runs migrations) and the application keeps only EXECUTE on it:
-- revision, recorded_at and hash come from the function, never from the caller. search_path is pinned so a
-- caller's objects cannot stand in for the catalogue's inside a SECURITY DEFINER function.
ALTER FUNCTION event_store.append_events(text, text, integer, text, integer, uuid[], text[], jsonb[], jsonb[], text[], text[], boolean)
  SECURITY DEFINER SET search_path = pg_catalog, pg_temp;

-- Revoking the table privilege revokes the per-column ones with it.
REVOKE INSERT ON event_store.events FROM ics2_app;
-- position's default is the sequence, now drawn inside the function only: the application cannot burn positions.
REVOKE ALL ON SEQUENCE event_store.events_position_seq FROM ics2_app;
