CREATE TABLE users (id integer PRIMARY KEY, status text, active boolean DEFAULT true);
