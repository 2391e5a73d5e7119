-- Step 10: a generated column, its function and extension pgcrypto dropped; the composite type and
-- its function dropped; a trigger and its function dropped.
CREATE EXTENSION citext;
CREATE EXTENSION btree_gist;

CREATE DOMAIN public.email AS citext CHECK (VALUE ~ '@')
  CONSTRAINT email_no_spaces CHECK (VALUE !~ '\s');

CREATE DOMAIN public.cents AS bigint NOT NULL DEFAULT 0 CHECK (VALUE >= 0);

CREATE DOMAIN public.currency_code AS text DEFAULT 'USD' CHECK (VALUE ~ '^[A-Z]{3}$');

CREATE DOMAIN public.percent AS numeric(5, 2) CHECK (VALUE >= 0 AND VALUE <= 100);

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

CREATE FUNCTION public.join_step(state text, value text) RETURNS text
LANGUAGE sql IMMUTABLE
AS $$
  SELECT CASE
    WHEN value IS NULL THEN state
    WHEN state IS NULL OR state = '' THEN value
    ELSE state || ', ' || value
  END
$$;

CREATE AGGREGATE public.join_labels(text) (SFUNC = public.join_step, STYPE = text, INITCOND = '');

CREATE FUNCTION public.count_status_change() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  NEW.status_changes := OLD.status_changes + 1;
  RETURN NEW;
END;
$$;
