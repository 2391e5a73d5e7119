CREATE TABLE accounts (id integer PRIMARY KEY, created_at timestamp DEFAULT now());
