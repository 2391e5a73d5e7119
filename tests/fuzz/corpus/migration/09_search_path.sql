SET search_path TO app, public;
CREATE SCHEMA app;
CREATE TABLE things (id int);
SET search_path = DEFAULT;
CREATE TABLE app.more (id int);
RESET search_path;