CREATE TABLE users (id integer PRIMARY KEY, email text);
CREATE TABLE posts (id integer PRIMARY KEY, user_id integer, title text, old_slug text);
CREATE INDEX posts_old_slug_idx ON posts (old_slug);
