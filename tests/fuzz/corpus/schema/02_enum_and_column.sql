CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');

CREATE TABLE people (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  current_mood mood DEFAULT 'ok' NOT NULL,
  moods mood[]
);
