CREATE TABLE memos (id integer PRIMARY KEY);
