CREATE TABLE memos (id integer, CONSTRAINT memos_pkey PRIMARY KEY (id));
