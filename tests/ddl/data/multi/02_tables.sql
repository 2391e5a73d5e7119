-- posts refers to users before users exists: foreign keys are resolved after every file.
CREATE TABLE posts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  author_id uuid NOT NULL REFERENCES users
);
CREATE TABLE users (
  id uuid PRIMARY KEY,
  status user_status NOT NULL DEFAULT 'ONBOARDING'
);
