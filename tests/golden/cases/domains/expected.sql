CREATE DOMAIN "public"."app_code" AS varchar(8) COLLATE "C";--> statement-breakpoint
ALTER DOMAIN "public"."cents" SET DEFAULT 100;--> statement-breakpoint
ALTER DOMAIN "public"."cents" SET NOT NULL;--> statement-breakpoint
ALTER DOMAIN "public"."cents" ADD CONSTRAINT "non_negative" CHECK (value >= 0);--> statement-breakpoint
ALTER DOMAIN "public"."email" DROP CONSTRAINT "email_check";--> statement-breakpoint
ALTER DOMAIN "public"."email" ADD CONSTRAINT "email_check" CHECK (value ~ '^[^@]+@[^@]+$');--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "code" "app_code";--> statement-breakpoint
DROP DOMAIN "public"."retired";