-- Same layout and comments changed only: no change. A new body: CREATE OR REPLACE. A new result
-- type: dropped and created again. A trigger changed: dropped and created. Gone: dropped.
CREATE TABLE "notes" (
	"id" integer PRIMARY KEY NOT NULL,
	"body" text NOT NULL,
	"updated_at" timestamptz DEFAULT now() NOT NULL
);

create function touch_updated_at() returns trigger language plpgsql as $$
begin
  -- reformatted, same tokens
  new.updated_at :=   now();
  return new;
end
$$;

CREATE FUNCTION note_count() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT count(*) FROM notes $$;

CREATE TRIGGER notes_touch BEFORE UPDATE ON notes FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER notes_touch_insert BEFORE INSERT OR UPDATE OF body ON notes FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();
