CREATE TABLE items (id integer PRIMARY KEY, qty integer, code varchar(20), price numeric(10, 2), at timestamp);
