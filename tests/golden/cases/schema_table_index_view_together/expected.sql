CREATE SCHEMA "billing area";
--> statement-breakpoint
CREATE TABLE "billing area"."invoices" (
	"id" integer PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"amount" numeric(12, 2) DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "billing area"."invoices" ADD CONSTRAINT "invoices_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invoices_user_idx" ON "billing area"."invoices" USING btree ("user_id") INCLUDE ("amount");--> statement-breakpoint
CREATE VIEW "billing area"."totals" AS (SELECT user_id, sum(amount) AS total FROM "billing area".invoices GROUP BY user_id);