ALTER TYPE "public"."size" RENAME TO "size_old";--> statement-breakpoint
CREATE TYPE "public"."size" AS ENUM('small', 'medium', 'large');--> statement-breakpoint
ALTER TABLE "shirts" ALTER COLUMN "size" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "shirts" ALTER COLUMN "size" SET DATA TYPE "public"."size" USING "size"::text::"public"."size";--> statement-breakpoint
ALTER TABLE "shirts" ALTER COLUMN "size" SET DEFAULT 'small';--> statement-breakpoint
DROP TYPE "public"."size_old";