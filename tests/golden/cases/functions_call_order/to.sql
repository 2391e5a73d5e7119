-- SQL bodies are checked when the function is created: each comes after the functions it
-- calls, whatever their names' order (here the reverse of it). A column named like a function
-- is no call.
CREATE FUNCTION c_one() RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$;
CREATE FUNCTION b_double(x integer) RETURNS integer LANGUAGE sql AS $$ SELECT x * 2 + c_one() $$;
CREATE FUNCTION a_total(x integer) RETURNS integer LANGUAGE sql
  AS $$ SELECT b_double(x) + public.c_one() $$;
CREATE FUNCTION a_named(a_total integer) RETURNS integer LANGUAGE sql AS $$ SELECT a_total $$;
