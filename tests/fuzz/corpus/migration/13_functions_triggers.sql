CREATE OR REPLACE FUNCTION f(a integer) RETURNS integer LANGUAGE plpgsql AS $$ BEGIN RETURN a * 2; END $$;
--> statement-breakpoint
CREATE TABLE tt (x integer);
--> statement-breakpoint
CREATE TRIGGER tt_trg AFTER INSERT OR UPDATE OF x ON tt FOR EACH ROW WHEN (NEW.x > 0) EXECUTE FUNCTION f();
--> statement-breakpoint
DROP TRIGGER tt_trg ON tt;
--> statement-breakpoint
DROP FUNCTION f(integer);