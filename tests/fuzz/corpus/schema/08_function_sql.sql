CREATE FUNCTION add_one(x integer) RETURNS integer
  LANGUAGE sql IMMUTABLE STRICT
  RETURN x + 1;

CREATE FUNCTION total(a numeric, b numeric DEFAULT 0) RETURNS numeric
  LANGUAGE sql AS 'SELECT a + b';

CREATE PROCEDURE noop() LANGUAGE plpgsql AS $$ BEGIN NULL; END $$;
