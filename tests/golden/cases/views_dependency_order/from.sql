CREATE TABLE orders (
	"id" integer PRIMARY KEY NOT NULL,
	"total" numeric(10, 2) NOT NULL
);
CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100;
-- Reads big_orders, which changes: dropped before it and created again after it.
CREATE VIEW big_order_count AS SELECT count(*) AS n FROM big_orders;
CREATE VIEW retired AS SELECT id FROM orders;
CREATE VIEW retired_reader AS SELECT id FROM retired;
