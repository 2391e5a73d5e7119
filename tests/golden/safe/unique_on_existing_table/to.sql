CREATE TABLE accounts (id integer PRIMARY KEY, handle text, CONSTRAINT accounts_handle_key UNIQUE (handle));
