CREATE TYPE "public"."role" AS ENUM('member', 'admin');--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "nickname" varchar(40);--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "role" "role" DEFAULT 'member' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "score" numeric(10, 2) DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "address" "inet";