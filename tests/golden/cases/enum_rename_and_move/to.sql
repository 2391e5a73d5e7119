CREATE SCHEMA app;
CREATE TYPE app.feeling AS ENUM ('sad', 'happy');
CREATE TABLE people (id integer PRIMARY KEY, feeling app.feeling);
