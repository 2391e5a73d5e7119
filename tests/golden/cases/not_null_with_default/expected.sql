ALTER TABLE "users" ALTER COLUMN "status" SET DEFAULT 'new';--> statement-breakpoint
UPDATE "users" SET "status" = 'new' WHERE "status" IS NULL;--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "status" SET NOT NULL;--> statement-breakpoint
UPDATE "users" SET "active" = true WHERE "active" IS NULL;--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "active" SET NOT NULL;