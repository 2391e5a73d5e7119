CREATE TABLE users (id integer PRIMARY KEY, legacy text, name text);
