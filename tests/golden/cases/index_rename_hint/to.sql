CREATE TABLE events (id integer PRIMARY KEY, kind text);
CREATE INDEX events_kind_idx ON events (kind text_pattern_ops);
