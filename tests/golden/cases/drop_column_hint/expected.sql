ALTER TABLE "accounts" ADD COLUMN "created_at" timestamp;--> statement-breakpoint
ALTER TABLE "accounts" DROP COLUMN "created";