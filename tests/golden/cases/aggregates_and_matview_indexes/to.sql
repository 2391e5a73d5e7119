-- Pagila's shape: a SQL state function that reads no table (created with the other functions,
-- before the views), an aggregate made of it, a view calling the aggregate, and a materialized
-- view with the unique index REFRESH ... CONCURRENTLY needs.
CREATE TABLE "actors" (
	"id" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"country" text
);

CREATE FUNCTION _join_text(text, text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN $2 IS NULL THEN $1 WHEN $1 IS NULL THEN $2 ELSE $1 || ', ' || $2 END
$$;

CREATE AGGREGATE join_text(text) (
    SFUNC = _join_text,
    STYPE = text
);

CREATE VIEW actor_names AS SELECT country, join_text(name) AS names FROM actors GROUP BY country;

CREATE MATERIALIZED VIEW actors_per_country AS
  SELECT country, count(*) AS actors FROM actors GROUP BY country;
CREATE UNIQUE INDEX actors_per_country_country ON actors_per_country (country);
CREATE INDEX actors_per_country_big ON actors_per_country (actors DESC) WHERE actors > 10;
