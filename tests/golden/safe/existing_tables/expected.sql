ALTER TABLE "users" ADD CONSTRAINT "users_email_not_null" CHECK ("email" IS NOT NULL) NOT VALID;--> statement-breakpoint
ALTER TABLE "users" VALIDATE CONSTRAINT "users_email_not_null";--> statement-breakpoint
-- flick-lint-ignore: setting-not-null
ALTER TABLE "users" ALTER COLUMN "email" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_email_not_null";--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_title_length" CHECK (length(title) < 200) NOT VALID;--> statement-breakpoint
ALTER TABLE "posts" VALIDATE CONSTRAINT "posts_title_length";--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_user_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "posts" VALIDATE CONSTRAINT "posts_user_fk";