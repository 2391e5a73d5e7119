ALTER TABLE "docs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP POLICY "notes_owner" ON "notes" CASCADE;--> statement-breakpoint
DROP POLICY "notes_old" ON "notes" CASCADE;--> statement-breakpoint
CREATE POLICY "docs_owner" ON "docs" AS RESTRICTIVE FOR UPDATE TO public USING (owner = current_user) WITH CHECK (owner = current_user);--> statement-breakpoint
CREATE POLICY "notes_owner" ON "notes" AS PERMISSIVE FOR SELECT TO public USING (owner = current_user);