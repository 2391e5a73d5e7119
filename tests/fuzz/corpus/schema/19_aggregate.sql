CREATE FUNCTION add_int(state integer, x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT state + x';
CREATE AGGREGATE my_sum(integer) (SFUNC = add_int, STYPE = integer, INITCOND = '0');
