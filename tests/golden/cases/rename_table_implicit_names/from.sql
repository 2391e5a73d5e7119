CREATE TABLE notes (
  id serial PRIMARY KEY,
  slug text UNIQUE,
  owner_id integer REFERENCES notes (id),
  code integer GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX notes_slug_idx ON notes (slug);
