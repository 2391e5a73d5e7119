CREATE TYPE pair AS (a integer, b text);
CREATE TYPE retired AS (x integer);
