-- The table renamed (its grants follow it), a role's attributes and membership changed, one
-- role dropped (its grants revoked first), the type's PUBLIC USAGE given back, the default
-- privilege taken away.
CREATE ROLE golden_priv_ro LOGIN CONNECTION LIMIT 5;
CREATE SCHEMA app;
CREATE TYPE app.mood AS ENUM ('a', 'b');
CREATE TABLE app.members (id serial PRIMARY KEY, email text NOT NULL, secret text);
CREATE FUNCTION app.touch(x integer) RETURNS integer LANGUAGE sql AS $$ SELECT x + 1 $$;
GRANT USAGE ON SCHEMA app TO golden_priv_ro;
GRANT SELECT (id, email), UPDATE (email) ON app.members TO golden_priv_ro;
REVOKE EXECUTE ON FUNCTION app.touch(integer) FROM PUBLIC;
