CREATE TABLE users (
  id integer PRIMARY KEY,
  email text,
  age integer,
  CONSTRAINT users_email_unique UNIQUE (email),
  CONSTRAINT users_age_positive CHECK (age > 0)
);
