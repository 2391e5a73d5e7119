-- A database as a team has it before adopting Flick. The test builds it, dumps it with
-- `pg_dump --schema-only` and hands the dump, as it is, to flick as the schema file.
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE EXTENSION IF NOT EXISTS citext;

CREATE SCHEMA app;

CREATE DOMAIN app.email AS citext CONSTRAINT email_has_at CHECK (VALUE ~ '@');
CREATE DOMAIN app.cents AS bigint NOT NULL DEFAULT 0 CHECK (VALUE >= 0);
CREATE TYPE app.plan AS ENUM ('free', 'team', 'enterprise');

CREATE TABLE app.tenants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE,
  plan app.plan NOT NULL DEFAULT 'free',
  seq_no integer GENERATED ALWAYS AS IDENTITY,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE app.members (
  id bigserial PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES app.tenants (id) ON DELETE CASCADE,
  email app.email NOT NULL,
  balance app.cents,
  role text NOT NULL DEFAULT 'member' CHECK (role IN ('owner', 'member')),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, email)
);
CREATE INDEX members_owners ON app.members (tenant_id) WHERE role = 'owner';

CREATE TABLE public."AuditLog" (
  "Id" serial PRIMARY KEY,
  "At" timestamp(3) NOT NULL DEFAULT now(),
  detail jsonb
);

CREATE SEQUENCE app.invoice_numbers START 1000 INCREMENT 10;

CREATE FUNCTION app.set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;
COMMENT ON FUNCTION app.set_updated_at() IS 'keeps updated_at current';

CREATE TRIGGER tenants_updated_at BEFORE UPDATE ON app.tenants
  FOR EACH ROW EXECUTE FUNCTION app.set_updated_at();
CREATE TRIGGER members_updated_at BEFORE UPDATE ON app.members
  FOR EACH ROW EXECUTE FUNCTION app.set_updated_at();

CREATE VIEW app.owners AS SELECT tenant_id, email FROM app.members WHERE role = 'owner';
CREATE MATERIALIZED VIEW app.tenant_sizes AS
  SELECT tenant_id, count(*) AS members FROM app.members GROUP BY tenant_id;

ALTER TABLE app.members ENABLE ROW LEVEL SECURITY;
CREATE POLICY members_by_tenant ON app.members
  USING (tenant_id = current_setting('app.tenant')::uuid);

COMMENT ON TABLE app.tenants IS 'who pays';
COMMENT ON COLUMN app.members.email IS 'unique per tenant';

-- Privileges and ownership are in the dump; Flick leaves them to the team (not compared).
GRANT USAGE ON SCHEMA app TO PUBLIC;
GRANT SELECT ON app.tenants TO PUBLIC;
