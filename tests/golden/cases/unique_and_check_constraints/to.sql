CREATE TABLE users (
  id integer PRIMARY KEY,
  email text,
  age integer,
  handle text,
  CONSTRAINT users_handle_unique UNIQUE NULLS NOT DISTINCT (handle),
  CONSTRAINT users_age_positive CHECK (age >= 18)
);
