DROP INDEX CONCURRENTLY "public"."posts_old_slug_idx";--> statement-breakpoint
CREATE UNIQUE INDEX CONCURRENTLY "users_email_lower_idx" ON "users" USING btree (lower(email));--> statement-breakpoint
CREATE INDEX CONCURRENTLY "posts_title_idx" ON "posts" USING btree ("title");