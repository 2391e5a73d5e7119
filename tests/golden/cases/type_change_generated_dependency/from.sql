CREATE TABLE people (
  id integer PRIMARY KEY,
  first_name varchar(20),
  last_name varchar(20),
  full_name text GENERATED ALWAYS AS (first_name || ' ' || last_name) STORED
);
