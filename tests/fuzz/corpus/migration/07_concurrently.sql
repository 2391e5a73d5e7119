CREATE TABLE "big" ("id" bigint PRIMARY KEY, "v" text);--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "big_v_idx" ON "big" ("v");--> statement-breakpoint
DROP INDEX CONCURRENTLY "big_v_idx";