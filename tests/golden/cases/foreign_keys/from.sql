CREATE TABLE users (id integer PRIMARY KEY);
CREATE TABLE teams (id integer PRIMARY KEY);
CREATE TABLE posts (
  id integer PRIMARY KEY,
  author_id integer,
  team_id integer,
  CONSTRAINT posts_author_fk FOREIGN KEY (author_id) REFERENCES users (id),
  CONSTRAINT posts_team_fk FOREIGN KEY (team_id) REFERENCES teams (id)
);
