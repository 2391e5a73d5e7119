-- Word filters moderators maintain.
CREATE TYPE moderation_severity_enum AS ENUM ('mild', 'moderate', 'severe');

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
