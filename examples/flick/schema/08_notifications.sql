-- In-app notifications.
CREATE TYPE notification_type AS ENUM ('general', 'upvoted_post', 'upvoted_comment', 'replied', 'posted');

CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seen boolean NOT NULL DEFAULT false,
  "postId" uuid DEFAULT NULL,
  "receiverId" text NOT NULL,
  "actorUsernames" jsonb NOT NULL,
  content text DEFAULT NULL,
  type notification_type NOT NULL DEFAULT 'general',
  "createdAt" timestamp with time zone NOT NULL DEFAULT now(),
  "updatedAt" timestamp with time zone NOT NULL DEFAULT now(),
  CONSTRAINT "notifications_postId_posts_id_fk" FOREIGN KEY ("postId")
    REFERENCES posts (id) ON DELETE NO ACTION
);
