CREATE TYPE role AS ENUM ('member', 'admin');
CREATE TABLE users (
  id integer PRIMARY KEY,
  nickname varchar(40),
  role role DEFAULT 'member' NOT NULL,
  score numeric(10, 2) DEFAULT 0 NOT NULL,
  address inet
);
