CREATE TABLE items (id integer PRIMARY KEY, qty bigint, code varchar(50), price numeric(12, 4), at timestamp with time zone);
