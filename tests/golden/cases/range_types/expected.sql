DROP TYPE "public"."changing_range";--> statement-breakpoint
CREATE OR REPLACE FUNCTION time_subtype_diff(x time, y time) RETURNS float8
	AS 'SELECT EXTRACT(EPOCH FROM (x - y))' LANGUAGE sql STRICT IMMUTABLE;--> statement-breakpoint
CREATE TYPE "public"."changing_range" AS RANGE (SUBTYPE = numeric, MULTIRANGE_TYPE_NAME = "public"."changing_ranges");--> statement-breakpoint
CREATE TYPE "public"."textrange" AS RANGE (SUBTYPE = text, SUBTYPE_OPCLASS = text_pattern_ops, COLLATION = "C");--> statement-breakpoint
CREATE TYPE "public"."timerange" AS RANGE (SUBTYPE = time, SUBTYPE_DIFF = time_subtype_diff);--> statement-breakpoint
ALTER TABLE "shifts" ADD COLUMN "hours" "timerange" NOT NULL;--> statement-breakpoint
ALTER TABLE "shifts" ADD COLUMN "history" "floatmultirange";--> statement-breakpoint
ALTER TABLE "shifts" ADD COLUMN "names" "textrange"[];--> statement-breakpoint
COMMENT ON TYPE "public"."floatrange" IS 'An interval of floats';--> statement-breakpoint
DROP TYPE "public"."retired_range";