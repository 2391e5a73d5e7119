ALTER TYPE "app"."mood" RENAME TO "feeling";--> statement-breakpoint
DROP FUNCTION "app"."label"(integer);--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.label(n integer) RETURNS varchar LANGUAGE sql IMMUTABLE AS $$ SELECT n::text $$;--> statement-breakpoint
ALTER VIEW "app"."big_orders" RENAME TO "large_orders";--> statement-breakpoint
COMMENT ON MATERIALIZED VIEW "app"."order_totals" IS 'Refreshed every hour';--> statement-breakpoint
COMMENT ON ROUTINE "app"."archive"() IS 'Removes empty orders (kept a week)';--> statement-breakpoint
COMMENT ON ROUTINE "app"."label"(integer) IS 'n as text';--> statement-breakpoint
COMMENT ON SCHEMA "app" IS 'Application objects, version 2';--> statement-breakpoint
COMMENT ON SEQUENCE "app"."ticket_numbers" IS NULL;--> statement-breakpoint
COMMENT ON TYPE "app"."positive" IS NULL;