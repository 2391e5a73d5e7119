CREATE TABLE items (id integer PRIMARY KEY, qty integer DEFAULT 1 NOT NULL);
