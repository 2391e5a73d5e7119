CREATE TABLE docs (id integer PRIMARY KEY, owner text, public boolean);
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY docs_read ON docs FOR SELECT TO current_user, session_user USING (owner = current_user OR public);
