CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'Application objects, version 2';

-- Renamed: the comment follows the enum (no statement for it).
CREATE TYPE app.feeling AS ENUM ('happy', 'sad');
COMMENT ON TYPE app.feeling IS 'How a member feels';
-- The comment removed.
CREATE DOMAIN app.positive AS integer CHECK (VALUE > 0);
CREATE TYPE app.point2 AS (x double precision, y double precision);
COMMENT ON TYPE app.point2 IS 'A point in the plane';
CREATE SEQUENCE app.ticket_numbers;
COMMENT ON SEQUENCE app.ticket_numbers IS '';

CREATE TABLE app.orders (id integer PRIMARY KEY, total integer NOT NULL);
-- Renamed: the comment follows the view.
CREATE VIEW app.large_orders AS SELECT id, total FROM app.orders WHERE total > 100;
COMMENT ON VIEW app.large_orders IS 'Orders over 100';
CREATE MATERIALIZED VIEW app.order_totals AS SELECT sum(total) AS total FROM app.orders;
COMMENT ON MATERIALIZED VIEW app.order_totals IS 'Refreshed every hour';

CREATE FUNCTION app.double_it(n integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT n * 2 $$;
COMMENT ON FUNCTION app.double_it(integer) IS 'Twice n';
-- The return type changes: dropped and created again, with its comment.
CREATE FUNCTION app.label(n integer) RETURNS varchar LANGUAGE sql IMMUTABLE AS $$ SELECT n::text $$;
COMMENT ON FUNCTION app.label(integer) IS 'n as text';
CREATE PROCEDURE app.archive() LANGUAGE sql AS $$ DELETE FROM app.orders WHERE total = 0 $$;
COMMENT ON ROUTINE app.archive IS 'Removes empty orders (kept a week)';
