CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');

CREATE TABLE users (
  id serial PRIMARY KEY,
  email varchar(255) NOT NULL UNIQUE,
  name text DEFAULT 'anon' NOT NULL,
  feeling mood DEFAULT 'ok',
  age integer CHECK (age >= 0),
  created_at timestamp with time zone DEFAULT now() NOT NULL
);

CREATE TABLE posts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  author_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  title text NOT NULL,
  tags text[] DEFAULT '{}'::text[] NOT NULL
);

CREATE INDEX posts_author_idx ON posts (author_id);
CREATE UNIQUE INDEX posts_title_lower_idx ON posts (lower(title)) WHERE title <> '';
