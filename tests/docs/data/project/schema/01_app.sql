CREATE TYPE "public"."post_status" AS ENUM ('draft', 'published', 'archived');

CREATE TABLE "public"."users" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "email" text NOT NULL,
  "display_name" varchar(80),
  "created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "users_email_unique" UNIQUE ("email"),
  CONSTRAINT "users_email_lower" CHECK ("email" = lower("email"))
);
COMMENT ON TABLE "public"."users" IS 'People who can sign in | one row each';
COMMENT ON COLUMN "public"."users"."email" IS 'Lower-case *login* address';

CREATE TABLE "public"."posts" (
  "id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY NOT NULL,
  "author_id" uuid NOT NULL,
  "status" "public"."post_status" DEFAULT 'draft' NOT NULL,
  "title" text NOT NULL,
  "score" numeric(10, 2) DEFAULT 0 NOT NULL,
  CONSTRAINT "posts_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade
);
CREATE INDEX "posts_author_idx" ON "public"."posts" USING btree ("author_id");
CREATE INDEX "posts_published_idx" ON "public"."posts" USING btree ("score" DESC) WHERE "status" = 'published';

CREATE TABLE "public"."post_tags" (
  "post_id" bigint NOT NULL,
  "tag" text NOT NULL,
  CONSTRAINT "post_tags_post_id_tag_pk" PRIMARY KEY ("post_id", "tag"),
  CONSTRAINT "post_tags_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE cascade
);
