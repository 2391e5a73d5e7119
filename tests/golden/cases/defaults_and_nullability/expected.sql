ALTER TABLE "users" ALTER COLUMN "a" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "b" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "c" SET DEFAULT 7;