ALTER TABLE "items" ALTER COLUMN "qty" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "items" ALTER COLUMN "qty" SET DATA TYPE integer USING "qty"::integer;--> statement-breakpoint
ALTER TABLE "items" ALTER COLUMN "qty" SET DEFAULT 1;