CREATE TABLE docs (id integer PRIMARY KEY, owner text);
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY docs_owner ON docs AS RESTRICTIVE FOR UPDATE TO public USING (owner = current_user) WITH CHECK (owner = current_user);
CREATE TABLE notes (id integer PRIMARY KEY, owner text);
ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY notes_owner ON notes FOR SELECT USING (owner = current_user);
