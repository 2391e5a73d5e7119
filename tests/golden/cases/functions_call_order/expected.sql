CREATE OR REPLACE FUNCTION a_named(a_total integer) RETURNS integer LANGUAGE sql AS $$ SELECT a_total $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION c_one() RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION b_double(x integer) RETURNS integer LANGUAGE sql AS $$ SELECT x * 2 + c_one() $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION a_total(x integer) RETURNS integer LANGUAGE sql
  AS $$ SELECT b_double(x) + public.c_one() $$;