CREATE TABLE users (
  id bigserial PRIMARY KEY,
  email varchar(255) NOT NULL UNIQUE,
  name text,
  age integer CHECK (age >= 0),
  created_at timestamp with time zone DEFAULT now() NOT NULL
);
