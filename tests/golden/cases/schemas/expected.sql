CREATE SCHEMA "audit";
--> statement-breakpoint
ALTER SCHEMA "billing" RENAME TO "finance";
--> statement-breakpoint
DROP SCHEMA "legacy";
