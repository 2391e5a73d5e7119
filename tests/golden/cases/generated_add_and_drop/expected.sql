ALTER TABLE "boxes" DROP COLUMN "label";--> statement-breakpoint
ALTER TABLE "boxes" ALTER COLUMN "area" DROP EXPRESSION;--> statement-breakpoint
ALTER TABLE "boxes" ADD COLUMN "label" text GENERATED ALWAYS AS ('box ' || id) STORED;