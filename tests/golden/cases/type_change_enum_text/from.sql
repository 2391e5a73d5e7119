CREATE TYPE status AS ENUM ('open', 'closed');
CREATE TABLE tickets (id integer PRIMARY KEY, state text, kind status);
