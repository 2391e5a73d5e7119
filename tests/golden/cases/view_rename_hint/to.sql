CREATE TABLE orders (id integer PRIMARY KEY);
CREATE VIEW every_order AS SELECT id FROM orders;
