CREATE TABLE memberships (user_id integer NOT NULL, team_id integer NOT NULL, id integer PRIMARY KEY);
