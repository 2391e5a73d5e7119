-- A --prelude for bench/corpus/run.sh on PostgreSQL 15: any_value(), which PostgreSQL 16 added
-- and some migrations use. Created in public of every scratch database, so it is in both dumps
-- (equal) and in `flick pull`'s list of objects it does not cover.
CREATE FUNCTION public.corpus_any_value_step(anyelement, anyelement) RETURNS anyelement
  LANGUAGE sql IMMUTABLE AS 'SELECT coalesce($1, $2)';
CREATE AGGREGATE public.any_value(anyelement) (SFUNC = public.corpus_any_value_step, STYPE = anyelement);
