ALTER TABLE "people" DROP COLUMN "full_name";--> statement-breakpoint
ALTER TABLE "people" ALTER COLUMN "first_name" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "full_name" text GENERATED ALWAYS AS ((first_name || ' ') || last_name) STORED;