CREATE SCHEMA "audit";
--> statement-breakpoint
ALTER TYPE "public"."post_status" ADD VALUE 'archived';--> statement-breakpoint
CREATE TABLE "post_tags" (
	"post_id" bigint NOT NULL,
	"tag" text NOT NULL,
	CONSTRAINT "post_tags_post_id_tag_pk" PRIMARY KEY("post_id","tag")
);
--> statement-breakpoint
CREATE TABLE "audit"."events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" uuid,
	"action" text NOT NULL,
	"payload" jsonb
);
--> statement-breakpoint
ALTER TABLE "users" RENAME COLUMN "name" TO "display_name";--> statement-breakpoint
ALTER TABLE "posts" ADD COLUMN "score" numeric(10, 2) DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_email_lower" CHECK (email = lower(email));--> statement-breakpoint
ALTER TABLE "post_tags" ADD CONSTRAINT "post_tags_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit"."events" ADD CONSTRAINT "events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "events_action_idx" ON "audit"."events" USING btree (lower(action));--> statement-breakpoint
CREATE INDEX "posts_published_idx" ON "posts" USING btree ("score" DESC NULLS FIRST) WHERE status = 'published';--> statement-breakpoint
COMMENT ON COLUMN "users"."email" IS 'Lower-case *login* address';--> statement-breakpoint
COMMENT ON TABLE "users" IS 'People who can sign in | one row each';