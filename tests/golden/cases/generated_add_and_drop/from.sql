CREATE TABLE boxes (
  id integer PRIMARY KEY,
  w integer,
  h integer,
  area integer GENERATED ALWAYS AS (w * h) STORED,
  label text
);
