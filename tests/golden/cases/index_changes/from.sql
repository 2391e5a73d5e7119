CREATE TABLE events (id integer PRIMARY KEY, kind text, at timestamp, payload jsonb);
CREATE INDEX events_kind_idx ON events (kind);
CREATE INDEX events_at_idx ON events (at);
CREATE INDEX events_payload_idx ON events USING gin (payload);
