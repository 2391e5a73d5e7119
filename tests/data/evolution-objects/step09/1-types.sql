-- Step 9: a partition detached (it keeps its rows), a procedure body changed, an index added to the
-- materialized view.
CREATE EXTENSION citext;
CREATE EXTENSION pgcrypto;
CREATE EXTENSION btree_gist;

CREATE DOMAIN public.email AS citext CHECK (VALUE ~ '@')
  CONSTRAINT email_no_spaces CHECK (VALUE !~ '\s');

CREATE DOMAIN public.cents AS bigint NOT NULL DEFAULT 0 CHECK (VALUE >= 0);

CREATE DOMAIN public.currency_code AS text DEFAULT 'USD' CHECK (VALUE ~ '^[A-Z]{3}$');

CREATE DOMAIN public.percent AS numeric(5, 2) CHECK (VALUE >= 0 AND VALUE <= 100);

CREATE TYPE public.money_amount AS (amount_cents bigint, currency text, note text);

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
AS $$ SELECT to_char((amount).amount_cents / 100.0, 'FM999999990.00') || ' ' || (amount).currency $$;

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

CREATE FUNCTION public.reset_email_verified() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  NEW.email_verified := false;
  RETURN NEW;
END;
$$;
