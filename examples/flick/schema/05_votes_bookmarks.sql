-- Votes on posts and comments, and saved posts.
CREATE TABLE votes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL,
  target_type vote_entity_enum NOT NULL,
  target_id uuid NOT NULL,
  vote_type vote_type_enum NOT NULL,
  CONSTRAINT votes_user_id_platform_user_id_fk FOREIGN KEY (user_id)
    REFERENCES platform_user (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX votes_user_target_unique ON votes (user_id, target_type, target_id);
CREATE INDEX votes_target_lookup_idx ON votes (target_type, target_id);

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
