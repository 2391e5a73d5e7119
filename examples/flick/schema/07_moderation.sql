-- Reports, feedback and word filters used by moderators.
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

CREATE TABLE feedbacks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid,
  type text NOT NULL,
  title text NOT NULL,
  content text NOT NULL,
  status text NOT NULL,
  created_at timestamp NOT NULL DEFAULT now(),
  updated_at timestamp NOT NULL DEFAULT now(),
  CONSTRAINT feedbacks_user_id_platform_user_id_fk FOREIGN KEY (user_id)
    REFERENCES platform_user (id) ON DELETE SET NULL
);

CREATE TABLE banned_words (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  word text NOT NULL,
  strict_mode boolean NOT NULL DEFAULT false,
  severity moderation_severity_enum NOT NULL,
  created_at timestamp NOT NULL DEFAULT now(),
  updated_at timestamp NOT NULL DEFAULT now(),
  CONSTRAINT banned_words_word_unique UNIQUE (word)
);
CREATE INDEX banned_words_word_idx ON banned_words (word);
CREATE INDEX banned_words_strict_mode_idx ON banned_words (strict_mode);
