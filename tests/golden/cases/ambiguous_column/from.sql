CREATE TABLE accounts (id integer PRIMARY KEY, created timestamp);
