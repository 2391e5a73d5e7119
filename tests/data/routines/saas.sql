-- A small multi-tenant schema as a SaaS team writes it: extensions for ids and case-insensitive
-- emails, an updated_at trigger function on every table, a SQL helper and a procedure.
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE EXTENSION IF NOT EXISTS citext;

CREATE SCHEMA app;

CREATE DOMAIN app.email AS citext CONSTRAINT email_has_at CHECK (VALUE ~ '@');
CREATE DOMAIN app.cents AS bigint NOT NULL DEFAULT 0 CHECK (VALUE >= 0);

CREATE TABLE app.tenants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE app.members (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES app.tenants (id) ON DELETE CASCADE,
  email app.email NOT NULL,
  balance app.cents,
  role text NOT NULL DEFAULT 'member' CHECK (role IN ('owner', 'member')),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, email)
);

CREATE FUNCTION app.set_updated_at() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF NEW IS DISTINCT FROM OLD THEN
    NEW.updated_at := now();
  END IF;
  RETURN NEW;
END;
$$;

CREATE FUNCTION app.member_count(tenant uuid) RETURNS integer
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = app
  AS $$ SELECT count(*)::integer FROM app.members WHERE tenant_id = tenant $$;

CREATE PROCEDURE app.remove_tenant(tenant uuid)
  LANGUAGE plpgsql
  AS $$ BEGIN DELETE FROM app.tenants WHERE id = tenant; END $$;

CREATE TRIGGER tenants_updated_at BEFORE UPDATE ON app.tenants
  FOR EACH ROW EXECUTE FUNCTION app.set_updated_at();
CREATE TRIGGER members_updated_at BEFORE UPDATE ON app.members
  FOR EACH ROW EXECUTE FUNCTION app.set_updated_at();
