CREATE TYPE mood AS ENUM ('sad', 'meh', 'happy');
CREATE TABLE people (
  id integer PRIMARY KEY,
  feeling mood DEFAULT 'happy' NOT NULL,
  history mood[],
  other mood
);
