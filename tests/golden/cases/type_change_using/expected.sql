ALTER TABLE "items" ALTER COLUMN "qty" SET DATA TYPE integer USING "qty"::integer;--> statement-breakpoint
ALTER TABLE "items" ALTER COLUMN "flag" SET DATA TYPE boolean USING "flag"::boolean;--> statement-breakpoint
ALTER TABLE "items" ALTER COLUMN "ref" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "items" ALTER COLUMN "n" SET DATA TYPE text;