CREATE DOMAIN "d" AS text CHECK (VALUE <> '');--> statement-breakpoint
ALTER DOMAIN "d" SET DEFAULT 'x';--> statement-breakpoint
ALTER DOMAIN "d" ADD CONSTRAINT "d_len" CHECK (length(VALUE) < 10);--> statement-breakpoint
ALTER DOMAIN "d" DROP CONSTRAINT "d_len";--> statement-breakpoint
CREATE TYPE "pair" AS ("a" int, "b" text);--> statement-breakpoint
ALTER TYPE "pair" ADD ATTRIBUTE "c" boolean;--> statement-breakpoint
DROP TYPE "pair";--> statement-breakpoint
DROP DOMAIN "d";