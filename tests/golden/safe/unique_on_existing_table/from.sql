CREATE TABLE accounts (id integer PRIMARY KEY, handle text);
