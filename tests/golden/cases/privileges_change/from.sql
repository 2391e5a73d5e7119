-- Roles, grants on every kind of object, column grants, a default privilege and a privilege
-- PostgreSQL gives PUBLIC by itself taken away.
CREATE ROLE golden_priv_rw NOLOGIN;
CREATE ROLE golden_priv_ro LOGIN CONNECTION LIMIT 3 IN ROLE golden_priv_rw;
CREATE SCHEMA app;
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO golden_priv_ro;
CREATE TYPE app.mood AS ENUM ('a', 'b');
CREATE TABLE app.users (id serial PRIMARY KEY, email text NOT NULL, secret text);
CREATE FUNCTION app.touch(x integer) RETURNS integer LANGUAGE sql AS $$ SELECT x + 1 $$;
GRANT USAGE ON SCHEMA app TO golden_priv_rw;
GRANT SELECT, INSERT ON app.users TO golden_priv_rw;
REVOKE SELECT ON app.users FROM golden_priv_ro;
GRANT SELECT (id, email) ON app.users TO golden_priv_ro;
GRANT USAGE ON SEQUENCE app.users_id_seq TO golden_priv_rw;
REVOKE EXECUTE ON FUNCTION app.touch(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.touch TO golden_priv_rw WITH GRANT OPTION;
REVOKE USAGE ON TYPE app.mood FROM PUBLIC;
