-- Extensions, a trigger function, a SQL function reading a table, a procedure and triggers.
CREATE EXTENSION IF NOT EXISTS citext;
CREATE EXTENSION pg_trgm;

CREATE TABLE "notes" (
	"id" integer PRIMARY KEY NOT NULL,
	"body" text NOT NULL,
	"author" citext,
	"updated_at" timestamptz DEFAULT now() NOT NULL
);

CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();  -- when the row last changed
  RETURN NEW;
END
$$;

CREATE FUNCTION note_count(min_length int DEFAULT 0) RETURNS bigint
  LANGUAGE sql STABLE STRICT
  AS $$ SELECT count(*) FROM notes WHERE length(body) >= min_length $$;

CREATE PROCEDURE purge_short_notes(max_length integer)
  LANGUAGE sql
  AS $$ DELETE FROM notes WHERE length(body) < max_length $$;

CREATE TRIGGER notes_touch BEFORE UPDATE ON notes
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION touch_updated_at();
