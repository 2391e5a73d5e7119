CREATE TABLE notes (id int PRIMARY KEY, owner text NOT NULL, body text);
ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY notes_owner ON notes AS PERMISSIVE FOR SELECT TO public USING (owner = current_user);
CREATE POLICY notes_insert ON notes FOR INSERT WITH CHECK (owner = current_user);
