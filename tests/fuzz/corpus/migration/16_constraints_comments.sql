CREATE TABLE "c" ("id" int, "v" int);--> statement-breakpoint
ALTER TABLE "c" ADD CONSTRAINT "c_v_check" CHECK ("c"."v" > 0);--> statement-breakpoint
ALTER TABLE "c" ADD CONSTRAINT "c_v_unique" UNIQUE NULLS NOT DISTINCT("v");--> statement-breakpoint
ALTER TABLE "c" DROP CONSTRAINT "c_v_check";--> statement-breakpoint
ALTER TABLE "c" RENAME CONSTRAINT "c_v_unique" TO "c_v_key";--> statement-breakpoint
COMMENT ON TABLE "c" IS 'checked';--> statement-breakpoint
COMMENT ON COLUMN "c"."v" IS 'value';