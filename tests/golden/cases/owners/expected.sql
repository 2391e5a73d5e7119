CREATE OR REPLACE PROCEDURE own.p() LANGUAGE sql AS $$ SELECT 1 $$;--> statement-breakpoint
CREATE MATERIALIZED VIEW "own"."mv" AS (SELECT id FROM own.t);--> statement-breakpoint
ALTER FUNCTION "own"."f"(integer) OWNER TO "golden_own_b";--> statement-breakpoint
ALTER PROCEDURE "own"."p"() OWNER TO "golden_own_b";--> statement-breakpoint
ALTER SCHEMA "own" OWNER TO "golden_own_b";--> statement-breakpoint
ALTER MATERIALIZED VIEW "own"."mv" OWNER TO "golden_own_a";--> statement-breakpoint
ALTER TABLE "own"."t" OWNER TO "golden_own_b";--> statement-breakpoint
ALTER VIEW "own"."v" OWNER TO "golden_own_a";--> statement-breakpoint
ALTER DOMAIN "own"."email" OWNER TO "golden_own_a";