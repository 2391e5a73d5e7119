ALTER TABLE "items" ALTER COLUMN "name" SET DATA TYPE varchar(200);--> statement-breakpoint
ALTER TABLE "items" ALTER COLUMN "name" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "items" ADD COLUMN "added_at" timestamp DEFAULT now();--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_id_positive" CHECK (id > 0);--> statement-breakpoint
ALTER TABLE "magazines" INHERIT "audit";--> statement-breakpoint
ALTER TABLE "items" DROP COLUMN "legacy";