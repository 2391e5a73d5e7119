CREATE TABLE "notes" ("id" integer, "owner" text);--> statement-breakpoint
ALTER TABLE "notes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "own" ON "notes" AS PERMISSIVE FOR ALL TO public USING ("notes"."owner" = current_user);--> statement-breakpoint
ALTER POLICY "own" ON "notes" TO public USING (true);--> statement-breakpoint
DROP POLICY "own" ON "notes" CASCADE;--> statement-breakpoint
ALTER TABLE "notes" DISABLE ROW LEVEL SECURITY;