CREATE TABLE users (id integer PRIMARY KEY, email text, CONSTRAINT users_email_key UNIQUE (email));
CREATE INDEX users_email_lower_idx ON users (lower(email));
