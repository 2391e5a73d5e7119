CREATE TABLE users (id integer PRIMARY KEY);
CREATE TABLE notes (
  id integer PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users (id),
  body text CHECK (body <> '')
);
CREATE INDEX notes_user_idx ON notes (user_id);
