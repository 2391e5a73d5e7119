CREATE TABLE users (id integer PRIMARY KEY, name text);
COMMENT ON TABLE users IS 'People who sign in';
COMMENT ON COLUMN users.name IS 'Display name, it''s public';
