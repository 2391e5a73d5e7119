CREATE TABLE orgs (id serial PRIMARY KEY, title text NOT NULL);
CREATE TABLE members (
  org_id integer NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  user_id integer NOT NULL,
  role text DEFAULT 'member',
  CONSTRAINT members_pk PRIMARY KEY (org_id, user_id),
  CONSTRAINT members_role_check CHECK (role IN ('member', 'admin'))
);
ALTER TABLE members ADD CONSTRAINT members_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id) ON UPDATE RESTRICT;
