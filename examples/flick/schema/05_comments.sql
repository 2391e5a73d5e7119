-- Comments on posts, threaded through parentCommentId.
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
