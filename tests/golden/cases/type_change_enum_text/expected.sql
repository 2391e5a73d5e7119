ALTER TABLE "tickets" ALTER COLUMN "state" SET DATA TYPE "public"."status" USING "state"::"public"."status";--> statement-breakpoint
ALTER TABLE "tickets" ALTER COLUMN "kind" SET DATA TYPE text;