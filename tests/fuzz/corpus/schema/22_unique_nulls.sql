CREATE TABLE tags (
  id int PRIMARY KEY,
  name text,
  owner int,
  CONSTRAINT tags_name_owner UNIQUE NULLS NOT DISTINCT (name, owner)
);
CREATE UNIQUE INDEX tags_lower ON tags (lower(name)) NULLS NOT DISTINCT;
