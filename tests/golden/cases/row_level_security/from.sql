CREATE TABLE docs (id integer PRIMARY KEY, owner text);
CREATE TABLE notes (id integer PRIMARY KEY, owner text);
ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY notes_owner ON notes USING (owner = current_user);
CREATE POLICY notes_old ON notes FOR SELECT USING (true);
