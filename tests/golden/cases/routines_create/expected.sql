CREATE EXTENSION IF NOT EXISTS "citext";--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS "pg_trgm";--> statement-breakpoint
CREATE OR REPLACE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();  -- when the row last changed
  RETURN NEW;
END
$$;--> statement-breakpoint
ALTER TABLE "notes" ADD COLUMN "author" "citext";--> statement-breakpoint
ALTER TABLE "notes" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE OR REPLACE FUNCTION note_count(min_length int DEFAULT 0) RETURNS bigint
  LANGUAGE sql STABLE STRICT
  AS $$ SELECT count(*) FROM notes WHERE length(body) >= min_length $$;--> statement-breakpoint
CREATE OR REPLACE PROCEDURE purge_short_notes(max_length integer)
  LANGUAGE sql
  AS $$ DELETE FROM notes WHERE length(body) < max_length $$;--> statement-breakpoint
CREATE TRIGGER notes_touch BEFORE UPDATE ON notes
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION touch_updated_at();