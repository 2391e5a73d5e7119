CREATE TABLE items (id integer PRIMARY KEY, qty integer, flag boolean, ref text, n text);
