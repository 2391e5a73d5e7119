CREATE OR REPLACE FUNCTION answer() RETURNS integer LANGUAGE plpgsql AS $$ BEGIN RETURN 42; END $$;--> statement-breakpoint
CREATE TABLE "customer" (
	"id" integer PRIMARY KEY NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION active_customers() RETURNS SETOF customer
  LANGUAGE plpgsql AS $$ BEGIN RETURN QUERY SELECT * FROM customer WHERE active; END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION customer_label(c customer) RETURNS text
  LANGUAGE plpgsql AS $$ BEGIN RETURN 'customer ' || c.id; END $$;