CREATE TABLE players (id integer PRIMARY KEY, team_id integer);
