CREATE TABLE users (id integer PRIMARY KEY, status text DEFAULT 'new' NOT NULL, active boolean DEFAULT true NOT NULL);
