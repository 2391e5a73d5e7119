-- Platform users (one per auth identity) and user-to-user blocks.
CREATE TYPE user_status AS ENUM ('ONBOARDING', 'ACTIVE');

CREATE TABLE platform_user (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  created_at timestamp NOT NULL DEFAULT now(),
  updated_at timestamp NOT NULL DEFAULT now(),
  auth_id text NOT NULL,
  username text NOT NULL,
  college_id uuid NOT NULL,
  branch text,
  karma integer DEFAULT 0,
  is_accepted_terms boolean NOT NULL DEFAULT false,
  status user_status NOT NULL DEFAULT 'ONBOARDING',
  CONSTRAINT platform_user_auth_id_unique UNIQUE (auth_id),
  CONSTRAINT platform_user_username_unique UNIQUE (username),
  CONSTRAINT platform_user_auth_id_auth_id_fk FOREIGN KEY (auth_id)
    REFERENCES auth (id) ON DELETE CASCADE,
  CONSTRAINT platform_user_college_id_colleges_id_fk FOREIGN KEY (college_id)
    REFERENCES colleges (id) ON DELETE CASCADE,
  -- Onboarding users have not picked a branch yet; active users always have one.
  CONSTRAINT platform_user_status_branch_check
    CHECK ((status = 'ONBOARDING') = (branch IS NULL))
);

CREATE TABLE user_blocks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  blocker_id text NOT NULL,
  blocked_id text NOT NULL,
  created_at timestamp NOT NULL DEFAULT now(),
  CONSTRAINT user_blocks_blocker_id_auth_id_fk FOREIGN KEY (blocker_id)
    REFERENCES auth (id) ON DELETE CASCADE,
  CONSTRAINT user_blocks_blocked_id_auth_id_fk FOREIGN KEY (blocked_id)
    REFERENCES auth (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX user_blocks_unique_idx ON user_blocks (blocker_id, blocked_id);
