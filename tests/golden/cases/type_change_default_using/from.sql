CREATE TABLE items (id integer PRIMARY KEY, qty text DEFAULT '1' NOT NULL);
