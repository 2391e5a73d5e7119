CREATE TABLE items (id integer PRIMARY KEY, qty text, flag text, ref uuid, n integer);
