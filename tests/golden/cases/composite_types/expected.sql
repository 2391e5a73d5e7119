ALTER TYPE "public"."pair" ALTER ATTRIBUTE "a" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TYPE "public"."pair" ALTER ATTRIBUTE "b" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TYPE "public"."pair" ADD ATTRIBUTE "c" boolean;--> statement-breakpoint
CREATE TYPE "public"."money_amount" AS ("amount" numeric(12, 2), "currency" char(3));--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" integer PRIMARY KEY NOT NULL,
	"total" "money_amount" NOT NULL,
	"history" "money_amount"[]
);
--> statement-breakpoint
DROP TYPE "public"."retired";