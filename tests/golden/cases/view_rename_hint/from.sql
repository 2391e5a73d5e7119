CREATE TABLE orders (id integer PRIMARY KEY);
CREATE VIEW all_orders AS SELECT id FROM orders;
