-- join_text gains an INITCOND (replaced in place), join_all's state type changes (dropped and
-- created again), longest and its state function go (the aggregate first); of the materialized
-- view's indexes one stays, one changes its predicate and one is new.
CREATE TABLE "actors" (
	"id" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"country" text
);

CREATE FUNCTION _join_text(text, text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN $2 IS NULL THEN $1 WHEN $1 IS NULL THEN $2 ELSE $1 || ', ' || $2 END
$$;
CREATE FUNCTION _join_varchar(varchar, text) RETURNS varchar LANGUAGE sql IMMUTABLE AS $$
  SELECT ($1 || $2)::varchar
$$;
CREATE AGGREGATE join_text(text) (SFUNC = _join_text, STYPE = text, INITCOND = '');
CREATE AGGREGATE join_all(text) (SFUNC = _join_varchar, STYPE = varchar, INITCOND = '');

CREATE MATERIALIZED VIEW actors_per_country AS
  SELECT country, count(*) AS actors FROM actors GROUP BY country;
CREATE UNIQUE INDEX actors_per_country_country ON actors_per_country (country);
CREATE INDEX actors_per_country_big ON actors_per_country (actors DESC) WHERE actors > 100;
CREATE INDEX actors_per_country_actors ON actors_per_country (actors);
