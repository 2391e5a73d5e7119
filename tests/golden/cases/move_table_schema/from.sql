CREATE SCHEMA app;
CREATE TABLE memos (id serial PRIMARY KEY, body text);
