CREATE TABLE teams (id integer PRIMARY KEY);
CREATE TABLE players (id integer PRIMARY KEY, team_id integer, CONSTRAINT players_team_fk FOREIGN KEY (team_id) REFERENCES teams (id));
