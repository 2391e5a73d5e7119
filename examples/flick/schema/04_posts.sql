-- Posts: the topics they are filed under, visibility flags and the feed index.
CREATE TYPE topic_enum AS ENUM (
  'Ask Flick', 'Serious Discussion', 'Career Advice', 'Showcase', 'Off-topic', 'Community Event',
  'Rant / Vent', 'Help / Support', 'Feedback / Suggestion', 'News / Update', 'Guide / Resource'
);

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
