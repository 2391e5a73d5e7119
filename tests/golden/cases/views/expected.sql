DROP VIEW "public"."open_orders";--> statement-breakpoint
DROP VIEW "public"."old_view";--> statement-breakpoint
ALTER TABLE "orders" ALTER COLUMN "total" SET DATA TYPE bigint;--> statement-breakpoint
CREATE VIEW "public"."open_orders" AS (SELECT id, total FROM orders WHERE status = 'open');--> statement-breakpoint
CREATE MATERIALIZED VIEW "public"."order_totals" AS (SELECT status, sum(total) AS total FROM orders GROUP BY status) WITH NO DATA;