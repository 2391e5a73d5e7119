CREATE TABLE users (id integer PRIMARY KEY);
CREATE TABLE teams (id integer PRIMARY KEY);
CREATE TABLE posts (
  id integer PRIMARY KEY,
  author_id integer,
  team_id integer,
  editor_id integer,
  CONSTRAINT posts_author_fk FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT posts_editor_fk FOREIGN KEY (editor_id) REFERENCES users (id) ON DELETE SET NULL
);
