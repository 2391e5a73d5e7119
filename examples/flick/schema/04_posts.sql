-- Posts and their comments.
CREATE TABLE posts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL,
  content text NOT NULL,
  "postedBy" uuid,
  topic topic_enum NOT NULL,
  "isPrivate" boolean NOT NULL DEFAULT false,
  "isBanned" boolean DEFAULT false,
  "isShadowBanned" boolean DEFAULT false,
  views integer DEFAULT 0,
  "createdAt" timestamp NOT NULL DEFAULT now(),
  "updatedAt" timestamp NOT NULL DEFAULT now(),
  CONSTRAINT "posts_postedBy_platform_user_id_fk" FOREIGN KEY ("postedBy")
    REFERENCES platform_user (id) ON DELETE CASCADE
);
CREATE INDEX posts_visibility_idx ON posts ("isBanned", "isShadowBanned", "createdAt" DESC NULLS LAST);

CREATE TABLE comments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  content text NOT NULL,
  "postId" uuid NOT NULL,
  "commentedBy" uuid NOT NULL,
  "isBanned" boolean NOT NULL DEFAULT false,
  "parentCommentId" uuid,
  "createdAt" timestamp NOT NULL DEFAULT now(),
  "updatedAt" timestamp NOT NULL DEFAULT now(),
  CONSTRAINT "comments_postId_posts_id_fk" FOREIGN KEY ("postId")
    REFERENCES posts (id) ON DELETE CASCADE,
  CONSTRAINT "comments_commentedBy_platform_user_id_fk" FOREIGN KEY ("commentedBy")
    REFERENCES platform_user (id) ON DELETE CASCADE,
  CONSTRAINT "comments_parentCommentId_comments_id_fk" FOREIGN KEY ("parentCommentId")
    REFERENCES comments (id) ON DELETE SET NULL
);
