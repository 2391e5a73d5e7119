DROP AGGREGATE "public"."join_all"(text);--> statement-breakpoint
CREATE OR REPLACE FUNCTION _join_varchar(varchar, text) RETURNS varchar LANGUAGE sql IMMUTABLE AS $$
  SELECT ($1 || $2)::varchar
$$;--> statement-breakpoint
CREATE OR REPLACE AGGREGATE join_all(text) (SFUNC = _join_varchar, STYPE = varchar, INITCOND = '');--> statement-breakpoint
CREATE OR REPLACE AGGREGATE join_text(text) (SFUNC = _join_text, STYPE = text, INITCOND = '');--> statement-breakpoint
DROP INDEX "actors_per_country_big";--> statement-breakpoint
CREATE INDEX "actors_per_country_actors" ON "actors_per_country" USING btree ("actors");--> statement-breakpoint
CREATE INDEX "actors_per_country_big" ON "actors_per_country" USING btree ("actors" DESC NULLS FIRST) WHERE actors > 100;--> statement-breakpoint
DROP AGGREGATE "public"."longest"(text);--> statement-breakpoint
DROP FUNCTION "public"."_longest"(text, text);