CREATE TABLE memos (id integer, CONSTRAINT notes_pkey PRIMARY KEY (id));
