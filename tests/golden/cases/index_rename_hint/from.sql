CREATE TABLE events (id integer PRIMARY KEY, kind text);
CREATE INDEX idx_kind ON events (kind);
