CREATE COLLATION "public"."case_insensitive" (provider = icu, locale = 'und-u-ks-level2', deterministic = false);--> statement-breakpoint
CREATE COLLATION "public"."plain" (provider = libc, locale = 'C');--> statement-breakpoint
DROP COLLATION "public"."sorting";--> statement-breakpoint
CREATE COLLATION "public"."sorting" (provider = icu, locale = 'de-DE');--> statement-breakpoint
CREATE COLLATION "public"."split" (provider = libc, lc_collate = 'C', lc_ctype = 'POSIX');--> statement-breakpoint
CREATE DOMAIN "public"."handle" AS text COLLATE "case_insensitive";--> statement-breakpoint
ALTER TABLE "people" ALTER COLUMN "name" SET DATA TYPE text COLLATE public."case_insensitive";--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "code" text COLLATE public."plain";--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "nickname" "handle";--> statement-breakpoint
COMMENT ON COLLATION "public"."case_insensitive" IS 'Compares without case';--> statement-breakpoint
DROP COLLATION "public"."retired";