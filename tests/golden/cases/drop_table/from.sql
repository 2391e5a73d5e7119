CREATE TABLE users (id integer PRIMARY KEY, name text);
CREATE TABLE notes (id integer PRIMARY KEY, body text);
