CREATE TABLE orders (id integer PRIMARY KEY, total integer, status text);
CREATE VIEW open_orders AS SELECT id, total FROM orders WHERE status = 'open';
CREATE VIEW old_view AS SELECT id FROM orders;
