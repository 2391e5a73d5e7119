CREATE TABLE "tasks" (
	"id" integer PRIMARY KEY NOT NULL,
	"updated_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "notes" ENABLE TRIGGER "notes_audit";--> statement-breakpoint
ALTER TABLE "notes" ENABLE REPLICA TRIGGER "notes_replica";--> statement-breakpoint
ALTER TABLE "notes" DISABLE TRIGGER "notes_touch";--> statement-breakpoint
CREATE TRIGGER tasks_always AFTER UPDATE ON tasks FOR EACH ROW EXECUTE FUNCTION touch();--> statement-breakpoint
ALTER TABLE "tasks" ENABLE ALWAYS TRIGGER "tasks_always";--> statement-breakpoint
CREATE TRIGGER tasks_touch BEFORE UPDATE ON tasks FOR EACH ROW EXECUTE FUNCTION touch();--> statement-breakpoint
ALTER TABLE "tasks" DISABLE TRIGGER "tasks_touch";