-- Reports of posts and comments by users, for moderators.
CREATE TYPE report_type AS ENUM ('Post', 'Comment');

CREATE TABLE content_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  type report_type NOT NULL,
  post_id uuid,
  comment_id uuid,
  reported_by uuid NOT NULL,
  reason text NOT NULL,
  status varchar(20) NOT NULL DEFAULT 'pending',
  message text NOT NULL,
  created_at timestamp NOT NULL DEFAULT now(),
  updated_at timestamp NOT NULL DEFAULT now(),
  CONSTRAINT content_reports_post_id_posts_id_fk FOREIGN KEY (post_id)
    REFERENCES posts (id) ON DELETE CASCADE,
  CONSTRAINT content_reports_comment_id_comments_id_fk FOREIGN KEY (comment_id)
    REFERENCES comments (id) ON DELETE CASCADE,
  CONSTRAINT content_reports_reported_by_platform_user_id_fk FOREIGN KEY (reported_by)
    REFERENCES platform_user (id) ON DELETE CASCADE
);
