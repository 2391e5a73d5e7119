CREATE FUNCTION time_subtype_diff(x time, y time) RETURNS float8
	AS 'SELECT EXTRACT(EPOCH FROM (x - y))' LANGUAGE sql STRICT IMMUTABLE;
CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
CREATE TYPE timerange AS RANGE (subtype = time, subtype_diff = time_subtype_diff);
CREATE TYPE changing_range AS RANGE (subtype = numeric, multirange_type_name = changing_ranges);
CREATE TYPE textrange AS RANGE (subtype = text, collation = "C", subtype_opclass = text_pattern_ops);
CREATE TABLE shifts (
	"id" integer PRIMARY KEY NOT NULL,
	"scores" floatrange,
	"hours" timerange NOT NULL,
	"history" floatmultirange,
	"names" textrange[]
);
COMMENT ON TYPE floatrange IS 'An interval of floats';
