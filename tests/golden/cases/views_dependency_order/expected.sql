DROP VIEW "public"."big_order_count";--> statement-breakpoint
DROP VIEW "public"."big_orders";--> statement-breakpoint
DROP VIEW "public"."retired_reader";--> statement-breakpoint
DROP VIEW "public"."retired";--> statement-breakpoint
CREATE VIEW "public"."big_orders" AS (SELECT id, total FROM orders WHERE total > 500);--> statement-breakpoint
CREATE VIEW "public"."big_order_count" AS (SELECT count(*) AS n FROM big_orders);--> statement-breakpoint
CREATE VIEW "public"."huge_orders" AS (SELECT id, total FROM orders WHERE total > 10000);--> statement-breakpoint
CREATE VIEW "public"."huge_order_ids" AS (SELECT id FROM huge_orders);