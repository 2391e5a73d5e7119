CREATE SCHEMA "shop";
--> statement-breakpoint
CREATE TYPE "public"."user_status" AS ENUM('ONBOARDING', 'ACTIVE');--> statement-breakpoint
CREATE TYPE "shop"."currency" AS ENUM('usd', 'eur');--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" varchar(255) NOT NULL,
	"status" "user_status" DEFAULT 'ONBOARDING' NOT NULL,
	"branch" text,
	"karma" integer DEFAULT 0,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_onboarding_check" CHECK (("users"."status" = 'ONBOARDING') = ("users"."branch" is null))
);
--> statement-breakpoint
CREATE TABLE "shop"."orders" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "shop"."orders_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" uuid NOT NULL,
	"currency" "shop"."currency" DEFAULT 'usd' NOT NULL,
	"total" numeric(10, 2) DEFAULT '0' NOT NULL,
	"tags" text[] DEFAULT '{}'
);
--> statement-breakpoint
CREATE TABLE "shop"."order_lines" (
	"order_id" integer NOT NULL,
	"line" integer NOT NULL,
	"sku" text NOT NULL,
	CONSTRAINT "order_lines_order_id_line_pk" PRIMARY KEY("order_id","line")
);
--> statement-breakpoint
ALTER TABLE "shop"."orders" ADD CONSTRAINT "orders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shop"."order_lines" ADD CONSTRAINT "order_lines_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "shop"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "users_created_idx" ON "users" USING btree ("created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "users_lower_email_idx" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "orders_user_idx" ON "shop"."orders" USING btree ("user_id","total") WHERE "shop"."orders"."total" > 0;
