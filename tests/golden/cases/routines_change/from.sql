CREATE EXTENSION pg_trgm;

CREATE TABLE "notes" (
	"id" integer PRIMARY KEY NOT NULL,
	"body" text NOT NULL,
	"updated_at" timestamptz DEFAULT now() NOT NULL
);

CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END
$$;

CREATE FUNCTION note_count() RETURNS integer LANGUAGE sql STABLE AS $$ SELECT count(*)::int FROM notes $$;

CREATE FUNCTION forget_me(a text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT a $$;

CREATE TRIGGER notes_touch BEFORE UPDATE ON notes FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER notes_touch_insert BEFORE INSERT ON notes FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
