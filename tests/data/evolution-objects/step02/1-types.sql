-- Step 2: a composite type and a function taking it, an aggregate made of a SQL function, a SQL
-- function that reads a table, a view using both, an UNLOGGED table.
CREATE EXTENSION citext;
CREATE EXTENSION pgcrypto;

CREATE DOMAIN public.email AS citext CHECK (VALUE ~ '@');

CREATE DOMAIN public.cents AS bigint NOT NULL DEFAULT 0 CHECK (VALUE >= 0);

CREATE TYPE public.money_amount AS (amount_cents bigint, currency text);

-- Functions whose bodies read no table.
CREATE FUNCTION public.touch_updated_at() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;

CREATE FUNCTION public.slugify(value text) RETURNS text
LANGUAGE sql IMMUTABLE
AS $$ SELECT trim(both '-' from lower(regexp_replace(value, '[^A-Za-z0-9]+', '-', 'g'))) $$;

CREATE FUNCTION public.hash_token(secret text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT
AS $$ SELECT encode(public.digest(secret, 'sha256'), 'hex') $$;

CREATE FUNCTION public.format_money(amount public.money_amount) RETURNS text
LANGUAGE sql IMMUTABLE
AS $$ SELECT (amount).currency || ' ' || to_char((amount).amount_cents / 100.0, 'FM999999990.00') $$;

CREATE FUNCTION public.join_step(state text, value text) RETURNS text
LANGUAGE sql IMMUTABLE
AS $$
  SELECT CASE
    WHEN value IS NULL THEN state
    WHEN state IS NULL OR state = '' THEN value
    ELSE state || ', ' || value
  END
$$;

CREATE AGGREGATE public.join_labels(text) (SFUNC = public.join_step, STYPE = text);
