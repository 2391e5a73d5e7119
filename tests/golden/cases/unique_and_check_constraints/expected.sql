ALTER TABLE "users" DROP CONSTRAINT "users_email_unique";--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_age_positive";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "handle" text;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_handle_unique" UNIQUE NULLS NOT DISTINCT("handle");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_age_positive" CHECK (age >= 18);