CREATE SCHEMA app;
CREATE TABLE app.memos (id serial PRIMARY KEY, body text);
