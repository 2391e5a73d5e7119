CREATE TABLE posts (
  id bigint PRIMARY KEY,
  author text NOT NULL,
  title text NOT NULL,
  body jsonb DEFAULT '{}'::jsonb,
  published boolean DEFAULT false
);
CREATE INDEX posts_author_idx ON posts (author);
CREATE UNIQUE INDEX posts_title_idx ON posts USING btree (lower(title)) WHERE published;
CREATE INDEX posts_body_gin ON posts USING gin (body jsonb_path_ops);
CREATE INDEX posts_author_title ON posts (author DESC NULLS LAST, title) INCLUDE (published) WITH (fillfactor = 70);
