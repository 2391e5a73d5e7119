-- Owners (kept when privileges are managed): a changed owner, new entries for objects that stay
-- and for objects created now, each kind with its own ALTER; mood's owner is unchanged. The
-- serial's sequence follows its table (PostgreSQL moves it with the table).
CREATE ROLE golden_own_a NOLOGIN;
CREATE ROLE golden_own_b NOLOGIN;
CREATE SCHEMA own AUTHORIZATION golden_own_b;
CREATE TABLE own.t (id serial PRIMARY KEY);
CREATE VIEW own.v AS SELECT id FROM own.t;
CREATE MATERIALIZED VIEW own.mv AS SELECT id FROM own.t;
CREATE FUNCTION own.f(x integer) RETURNS integer LANGUAGE sql AS $$ SELECT x $$;
CREATE PROCEDURE own.p() LANGUAGE sql AS $$ SELECT 1 $$;
CREATE TYPE own.mood AS ENUM ('a');
CREATE DOMAIN own.email AS text;
ALTER TABLE own.t OWNER TO golden_own_b;
ALTER SEQUENCE own.t_id_seq OWNER TO golden_own_b;
ALTER VIEW own.v OWNER TO golden_own_a;
ALTER MATERIALIZED VIEW own.mv OWNER TO golden_own_a;
ALTER FUNCTION own.f(integer) OWNER TO golden_own_b;
ALTER PROCEDURE own.p() OWNER TO golden_own_b;
ALTER TYPE own.mood OWNER TO golden_own_a;
ALTER DOMAIN own.email OWNER TO golden_own_a;
