CREATE TABLE "billing"."invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"amount" numeric(12, 2) NOT NULL,
	"currency" "billing"."currency" DEFAULT 'usd' NOT NULL,
	"lines" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"issued_on" date DEFAULT now()
);
--> statement-breakpoint
ALTER TABLE "all_types" ALTER COLUMN "col_mood" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "audit"."log" ALTER COLUMN "mood" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "defaults" ALTER COLUMN "d_enum" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "defaults" ALTER COLUMN "d_enum" SET DEFAULT 'ok'::text;--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "mood" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "mood" SET DEFAULT 'ok'::text;--> statement-breakpoint
DROP TYPE "public"."mood";--> statement-breakpoint
CREATE TYPE "public"."mood" AS ENUM('sad', 'ok', 'happy', 'ecstatic');--> statement-breakpoint
ALTER TABLE "all_types" ALTER COLUMN "col_mood" SET DATA TYPE "public"."mood" USING "col_mood"::"public"."mood";--> statement-breakpoint
ALTER TABLE "audit"."log" ALTER COLUMN "mood" SET DATA TYPE "public"."mood" USING "mood"::"public"."mood";--> statement-breakpoint
ALTER TABLE "defaults" ALTER COLUMN "d_enum" SET DEFAULT 'ok'::"public"."mood";--> statement-breakpoint
ALTER TABLE "defaults" ALTER COLUMN "d_enum" SET DATA TYPE "public"."mood" USING "d_enum"::"public"."mood";--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "mood" SET DEFAULT 'ok'::"public"."mood";--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "mood" SET DATA TYPE "public"."mood" USING "mood"::"public"."mood";--> statement-breakpoint
ALTER TABLE "billing"."invoices" ADD CONSTRAINT "invoices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invoices_user_idx" ON "billing"."invoices" USING btree ("user_id","issued_on" DESC NULLS LAST);--> statement-breakpoint
DROP TYPE "public"."unused";--> statement-breakpoint
DROP SCHEMA "scratch";
