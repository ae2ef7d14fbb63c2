-- Events a subscription gave up on after `maxAttempts` failed batches (postgres-parked-events.ts): the handler threw
-- on this event alone, so the row was written in the transaction that moved the partition's checkpoint past it;
-- either both committed or neither did. A record of what the subscription skipped, for an operator to act on: the
-- application may add rows and read them, never change or remove them (a later retry is a fact of its own).
CREATE TABLE IF NOT EXISTS event_store.parked_events (
  subscription     text        NOT NULL,
  partition        integer     NOT NULL,
  position_commit  bigint      NOT NULL,
  position_prepare bigint      NOT NULL,
  event_id         uuid        NOT NULL,
  stream_id        text        NOT NULL,
  event_type       text        NOT NULL,
  error_message    text        NOT NULL,
  attempts         integer     NOT NULL CHECK (attempts > 0),
  parked_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (subscription, event_id)
);

GRANT SELECT, INSERT ON event_store.parked_events TO ics2_app;
