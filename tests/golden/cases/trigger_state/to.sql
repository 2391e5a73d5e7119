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
-- Only the state changes: no DROP / CREATE of the trigger.
CREATE TRIGGER notes_touch BEFORE UPDATE ON notes FOR EACH ROW EXECUTE FUNCTION touch();
ALTER TABLE notes DISABLE TRIGGER notes_touch;
CREATE TRIGGER notes_audit AFTER INSERT ON notes FOR EACH ROW EXECUTE FUNCTION touch();
CREATE TRIGGER notes_replica AFTER DELETE ON notes FOR EACH ROW EXECUTE FUNCTION touch();
ALTER TABLE notes ENABLE REPLICA TRIGGER notes_replica;
CREATE TABLE tasks (
	"id" integer PRIMARY KEY NOT NULL,
	"updated_at" timestamp with time zone
);
-- A new trigger created disabled; ALWAYS fires in replica sessions too.
CREATE TRIGGER tasks_touch BEFORE UPDATE ON tasks FOR EACH ROW EXECUTE FUNCTION touch();
CREATE TRIGGER tasks_always AFTER UPDATE ON tasks FOR EACH ROW EXECUTE FUNCTION touch();
ALTER TABLE tasks DISABLE TRIGGER USER;
ALTER TABLE tasks ENABLE ALWAYS TRIGGER tasks_always;
