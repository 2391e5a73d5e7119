CREATE TABLE t (a int, b text);
COMMENT ON TABLE t IS 'a table';
COMMENT ON COLUMN t.a IS 'the a column';
COMMENT ON COLUMN t.b IS NULL;
