CREATE TABLE users (id integer PRIMARY KEY, a text, b text, c integer DEFAULT 7);
