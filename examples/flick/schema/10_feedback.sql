-- Feedback users send about the platform.
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
