CREATE SCHEMA "billing";
--> statement-breakpoint
CREATE SCHEMA "scratch";
--> statement-breakpoint
CREATE TYPE "billing"."currency" AS ENUM('usd', 'eur');--> statement-breakpoint
CREATE TYPE "public"."unused" AS ENUM('a');--> statement-breakpoint
ALTER TABLE "audit"."ref" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "memberships" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP MATERIALIZED VIEW "public"."mat_no_data";--> statement-breakpoint
DROP TABLE "audit"."ref" CASCADE;--> statement-breakpoint
DROP POLICY "memberships_all_policy" ON "memberships" CASCADE;--> statement-breakpoint
DROP TABLE "memberships" CASCADE;--> statement-breakpoint
DROP POLICY "users_insert_policy" ON "users" CASCADE;--> statement-breakpoint
DROP SEQUENCE "public"."plain_seq";