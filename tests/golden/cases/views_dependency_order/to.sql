CREATE TABLE orders (
	"id" integer PRIMARY KEY NOT NULL,
	"total" numeric(10, 2) NOT NULL
);
CREATE VIEW huge_orders AS SELECT id, total FROM orders WHERE total > 10000;
CREATE VIEW huge_order_ids AS SELECT id FROM huge_orders;
CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 500;
CREATE VIEW big_order_count AS SELECT count(*) AS n FROM big_orders;
