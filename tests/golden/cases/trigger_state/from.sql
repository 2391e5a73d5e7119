CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;
CREATE TABLE notes (
	"id" integer PRIMARY KEY NOT NULL,
	"updated_at" timestamp with time zone
);
CREATE TRIGGER notes_touch BEFORE UPDATE ON notes FOR EACH ROW EXECUTE FUNCTION touch();
CREATE TRIGGER notes_audit AFTER INSERT ON notes FOR EACH ROW EXECUTE FUNCTION touch();
ALTER TABLE notes DISABLE TRIGGER notes_audit;
CREATE TRIGGER notes_replica AFTER DELETE ON notes FOR EACH ROW EXECUTE FUNCTION touch();
