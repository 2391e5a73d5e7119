CREATE TABLE "orders" (
	"id" integer PRIMARY KEY NOT NULL,
	"total" numeric NOT NULL
);
--> statement-breakpoint
CREATE VIEW "public"."big_orders" AS (SELECT id, total FROM orders WHERE total > 100);--> statement-breakpoint
CREATE OR REPLACE FUNCTION big_order_count() RETURNS bigint LANGUAGE sql STABLE
  AS $$ SELECT count(*) FROM big_orders $$;--> statement-breakpoint
CREATE VIEW "public"."order_stats" AS (SELECT big_order_count() AS big, (SELECT count(*) FROM orders) AS all_orders);