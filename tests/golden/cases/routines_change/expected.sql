DROP TRIGGER "notes_touch_insert" ON "notes";--> statement-breakpoint
DROP FUNCTION "public"."note_count"();--> statement-breakpoint
CREATE OR REPLACE FUNCTION note_count() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT count(*) FROM notes $$;--> statement-breakpoint
CREATE TRIGGER notes_touch_insert BEFORE INSERT OR UPDATE OF body ON notes FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();--> statement-breakpoint
DROP FUNCTION "public"."forget_me"(text);--> statement-breakpoint
DROP EXTENSION "pg_trgm";