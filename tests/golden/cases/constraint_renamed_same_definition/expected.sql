ALTER TABLE "users" RENAME CONSTRAINT "users_email_unique" TO "users_email_key";--> statement-breakpoint
ALTER INDEX "users_email_lookup" RENAME TO "users_email_lower_idx";