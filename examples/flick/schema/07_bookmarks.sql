-- Posts a user saved.
CREATE TABLE bookmarks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  "postId" uuid,
  "userId" uuid NOT NULL,
  "createdAt" timestamp NOT NULL DEFAULT now(),
  "updatedAt" timestamp NOT NULL DEFAULT now(),
  CONSTRAINT "bookmarks_postId_posts_id_fk" FOREIGN KEY ("postId")
    REFERENCES posts (id) ON DELETE CASCADE,
  CONSTRAINT "bookmarks_userId_platform_user_id_fk" FOREIGN KEY ("userId")
    REFERENCES platform_user (id) ON DELETE CASCADE
);
CREATE INDEX bookmark_user_id_idx ON bookmarks ("userId", "postId");
