-- Step 13: an ICU collation (nondeterministic) on a new column, a range type (and its multirange)
-- on new columns, a trigger disabled.
CREATE EXTENSION citext;
CREATE EXTENSION btree_gist;

CREATE COLLATION public.case_insensitive (provider = icu, locale = 'und-u-ks-level2', deterministic = false);

CREATE TYPE public.price_range AS RANGE (subtype = numeric);

CREATE DOMAIN public.email AS citext CHECK (VALUE ~ '@')
  CONSTRAINT email_no_spaces CHECK (VALUE !~ '\s');

CREATE DOMAIN public.cents AS bigint NOT NULL DEFAULT 0 CHECK (VALUE >= 0)
  CONSTRAINT cents_cap CHECK (VALUE <= 100000000);

CREATE DOMAIN public.currency_code AS text DEFAULT 'USD' CHECK (VALUE ~ '^[A-Z]{3}$');

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

CREATE FUNCTION public.count_status_change() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  NEW.status_changes := OLD.status_changes + 1;
  RETURN NEW;
END;
$$;
