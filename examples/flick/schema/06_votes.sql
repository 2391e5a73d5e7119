-- Up/down votes on posts and comments, one per user and target.
CREATE TYPE vote_entity_enum AS ENUM ('post', 'comment');
CREATE TYPE vote_type_enum AS ENUM ('upvote', 'downvote');

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
