CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
CREATE TYPE retired_range AS RANGE (subtype = integer);
-- Used by no column: a changed definition is dropped and created again.
CREATE TYPE changing_range AS RANGE (subtype = numeric);
CREATE TABLE shifts (
	"id" integer PRIMARY KEY NOT NULL,
	"scores" floatrange
);
