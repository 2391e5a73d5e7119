CREATE TABLE users (id integer PRIMARY KEY, name text);
COMMENT ON COLUMN users.name IS 'old';
