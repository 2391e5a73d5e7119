CREATE TABLE memberships (
  user_id integer NOT NULL,
  team_id integer NOT NULL,
  id integer NOT NULL,
  CONSTRAINT memberships_pk PRIMARY KEY (user_id, team_id)
);
