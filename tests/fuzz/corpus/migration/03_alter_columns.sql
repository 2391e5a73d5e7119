CREATE TABLE "t" ("a" integer, "b" text);--> statement-breakpoint
ALTER TABLE "t" ADD COLUMN "c" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "a" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "b" SET DEFAULT 'x';--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "a" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "t" DROP COLUMN "c";