CREATE TYPE "public"."mood" AS ENUM('sad', 'happy');--> statement-breakpoint
ALTER TYPE "public"."mood" ADD VALUE 'ok' BEFORE 'happy';--> statement-breakpoint
ALTER TYPE "public"."mood" RENAME VALUE 'sad' TO 'blue';--> statement-breakpoint
CREATE TABLE "p" ("m" "mood" DEFAULT 'ok');