-- Step 1: extensions (citext, pgcrypto), domains, a plpgsql trigger function, SQL functions
-- (one used by an expression index, one by a generated column), BEFORE UPDATE triggers, a column COLLATE "C".
CREATE EXTENSION citext;
CREATE EXTENSION pgcrypto;

CREATE DOMAIN public.email AS citext CHECK (VALUE ~ '@');

CREATE DOMAIN public.cents AS bigint NOT NULL DEFAULT 0 CHECK (VALUE >= 0);

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
