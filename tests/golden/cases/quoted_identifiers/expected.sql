CREATE TYPE "public"."Mood; DROP TABLE x" AS ENUM('it''s', 'fine');--> statement-breakpoint
ALTER TABLE "User Data" ALTER COLUMN "we""ird" SET DEFAULT 'a''b';--> statement-breakpoint
UPDATE "User Data" SET "we""ird" = 'a''b' WHERE "we""ird" IS NULL;--> statement-breakpoint
ALTER TABLE "User Data" ALTER COLUMN "we""ird" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "User Data" ADD COLUMN "select" "Mood; DROP TABLE x";--> statement-breakpoint
CREATE INDEX "User Data idx" ON "User Data" USING btree ("we""ird");