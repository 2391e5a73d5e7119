CREATE TABLE "v_src" ("id" integer, "n" integer);--> statement-breakpoint
CREATE VIEW "public"."v" AS (select "id" from "v_src");--> statement-breakpoint
CREATE MATERIALIZED VIEW "public"."mv" WITH (fillfactor = 80) AS (select count(*) from "v_src") WITH NO DATA;--> statement-breakpoint
ALTER VIEW "v" RENAME TO "v2";--> statement-breakpoint
DROP MATERIALIZED VIEW "public"."mv";--> statement-breakpoint
DROP VIEW "public"."v2";