CREATE TABLE events (id integer PRIMARY KEY, kind text, at timestamp, payload jsonb);
CREATE INDEX events_kind_idx ON events (kind, at DESC);
CREATE UNIQUE INDEX events_at_kind_idx ON events (at DESC NULLS LAST, kind) WHERE kind IS NOT NULL;
