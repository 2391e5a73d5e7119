ALTER TABLE "items" ALTER COLUMN "qty" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "items" ALTER COLUMN "code" SET DATA TYPE varchar(50);--> statement-breakpoint
ALTER TABLE "items" ALTER COLUMN "price" SET DATA TYPE numeric(12, 4);--> statement-breakpoint
ALTER TABLE "items" ALTER COLUMN "at" SET DATA TYPE timestamp with time zone;