ALTER TYPE "public"."mood" RENAME TO "mood_old";--> statement-breakpoint
CREATE TYPE "public"."mood" AS ENUM('sad', 'happy');--> statement-breakpoint
ALTER TABLE "people" ALTER COLUMN "feeling" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "people" ALTER COLUMN "feeling" SET DATA TYPE "public"."mood" USING "feeling"::text::"public"."mood";--> statement-breakpoint
ALTER TABLE "people" ALTER COLUMN "feeling" SET DEFAULT 'sad';--> statement-breakpoint
ALTER TABLE "people" ALTER COLUMN "history" SET DATA TYPE "public"."mood"[] USING "history"::text[]::"public"."mood"[];--> statement-breakpoint
ALTER TABLE "people" ALTER COLUMN "other" SET DATA TYPE "public"."mood" USING "other"::text::"public"."mood";--> statement-breakpoint
DROP TYPE "public"."mood_old";