CREATE TABLE users (id integer PRIMARY KEY, email text, CONSTRAINT users_email_unique UNIQUE (email));
CREATE INDEX users_email_lookup ON users (lower(email));
