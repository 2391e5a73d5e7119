CREATE OR REPLACE FUNCTION _join_text(text, text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN $2 IS NULL THEN $1 WHEN $1 IS NULL THEN $2 ELSE $1 || ', ' || $2 END
$$;--> statement-breakpoint
CREATE OR REPLACE AGGREGATE join_text(text) (
    SFUNC = _join_text,
    STYPE = text
);--> statement-breakpoint
CREATE VIEW "public"."actor_names" AS (SELECT country, join_text(name) AS names FROM actors GROUP BY country);--> statement-breakpoint
CREATE MATERIALIZED VIEW "public"."actors_per_country" AS (SELECT country, count(*) AS actors FROM actors GROUP BY country);--> statement-breakpoint
CREATE INDEX "actors_per_country_big" ON "actors_per_country" USING btree ("actors" DESC NULLS FIRST) WHERE actors > 10;--> statement-breakpoint
CREATE UNIQUE INDEX "actors_per_country_country" ON "actors_per_country" USING btree ("country");