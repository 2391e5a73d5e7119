CREATE FUNCTION ping(n integer) RETURNS integer LANGUAGE sql AS $$ SELECT pong(n - 1) $$;
CREATE FUNCTION pong(n integer) RETURNS integer LANGUAGE sql AS $$ SELECT ping(n - 1) $$;
