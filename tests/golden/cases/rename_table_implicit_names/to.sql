CREATE TABLE memos (
  id serial PRIMARY KEY,
  slug text UNIQUE,
  owner_id integer REFERENCES memos (id),
  code integer GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX notes_slug_idx ON memos (slug);
