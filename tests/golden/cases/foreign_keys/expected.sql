ALTER TABLE "posts" DROP CONSTRAINT "posts_author_fk";
--> statement-breakpoint
ALTER TABLE "posts" DROP CONSTRAINT "posts_team_fk";
--> statement-breakpoint
ALTER TABLE "posts" ADD COLUMN "editor_id" integer;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_author_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_editor_fk" FOREIGN KEY ("editor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;