CREATE TABLE users (id integer PRIMARY KEY, email text NOT NULL);
CREATE TABLE posts (
  id integer PRIMARY KEY,
  user_id integer,
  title text,
  old_slug text,
  CONSTRAINT posts_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT posts_title_length CHECK (length(title) < 200)
);
CREATE INDEX posts_title_idx ON posts (title);
CREATE UNIQUE INDEX users_email_lower_idx ON users (lower(email));
