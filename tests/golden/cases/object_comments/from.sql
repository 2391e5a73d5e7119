CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'Application objects';
COMMENT ON SCHEMA public IS 'standard public schema';

CREATE TYPE app.mood AS ENUM ('happy', 'sad');
COMMENT ON TYPE app.mood IS 'How a member feels';
CREATE DOMAIN app.positive AS integer CHECK (VALUE > 0);
COMMENT ON DOMAIN app.positive IS 'Greater than zero';
CREATE TYPE app.point2 AS (x double precision, y double precision);
COMMENT ON TYPE app.point2 IS 'A point in the plane';
CREATE SEQUENCE app.ticket_numbers;
COMMENT ON SEQUENCE app.ticket_numbers IS 'Ticket numbers, never reused';

CREATE TABLE app.orders (id integer PRIMARY KEY, total integer NOT NULL);
CREATE VIEW app.big_orders AS SELECT id, total FROM app.orders WHERE total > 100;
COMMENT ON VIEW app.big_orders IS 'Orders over 100';
CREATE MATERIALIZED VIEW app.order_totals AS SELECT sum(total) AS total FROM app.orders;
COMMENT ON MATERIALIZED VIEW app.order_totals IS 'Refreshed nightly';

CREATE FUNCTION app.double_it(n integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT n * 2 $$;
COMMENT ON FUNCTION app.double_it(integer) IS 'Twice n';
CREATE FUNCTION app.label(n integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT n::text $$;
COMMENT ON FUNCTION app.label IS 'n as text';
CREATE PROCEDURE app.archive() LANGUAGE sql AS $$ DELETE FROM app.orders WHERE total = 0 $$;
COMMENT ON PROCEDURE app.archive() IS 'Removes empty orders';
