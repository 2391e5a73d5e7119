CREATE TABLE customer (
	"id" integer PRIMARY KEY NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
-- A PL/pgSQL function returning rows of the table (pagila's rewards_report): created after it.
CREATE FUNCTION active_customers() RETURNS SETOF customer
  LANGUAGE plpgsql AS $$ BEGIN RETURN QUERY SELECT * FROM customer WHERE active; END $$;
CREATE FUNCTION customer_label(c customer) RETURNS text
  LANGUAGE plpgsql AS $$ BEGIN RETURN 'customer ' || c.id; END $$;
-- A function that does not use the table: before the tables, where defaults could call it.
CREATE FUNCTION answer() RETURNS integer LANGUAGE plpgsql AS $$ BEGIN RETURN 42; END $$;
