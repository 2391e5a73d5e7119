CREATE TABLE users (id integer PRIMARY KEY, a text DEFAULT 'x', b text NOT NULL, c integer);
