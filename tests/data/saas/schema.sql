-- A multi-tenant SaaS schema as a product team writes it: pgcrypto ids, citext emails, domains
-- for email and money, an updated_at trigger function on every table, an audit trigger writing
-- to a partitioned audit table with monthly partitions, an exclusion constraint for bookings,
-- row-level security per tenant, and grants to the application's role (read with
-- [privileges] manage = true).
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE EXTENSION IF NOT EXISTS citext;
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE ROLE saas_app NOLOGIN;

CREATE SCHEMA app;
GRANT USAGE ON SCHEMA app TO saas_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO saas_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT USAGE ON SEQUENCES TO saas_app;

CREATE DOMAIN app.email AS citext
  CONSTRAINT email_has_one_at CHECK (VALUE ~ '^[^@]+@[^@]+$');
CREATE DOMAIN app.cents AS bigint NOT NULL DEFAULT 0
  CONSTRAINT cents_not_negative CHECK (VALUE >= 0);

CREATE TYPE app.plan AS ENUM ('free', 'team', 'enterprise');

CREATE FUNCTION app.set_updated_at() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;

CREATE TABLE app.tenants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug citext NOT NULL UNIQUE,
  name text NOT NULL,
  plan app.plan NOT NULL DEFAULT 'free',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE app.tenants IS 'One customer organisation.';

CREATE TABLE app.users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES app.tenants (id) ON DELETE CASCADE,
  email app.email NOT NULL,
  display_name text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, email)
);
ALTER TABLE app.users ENABLE ROW LEVEL SECURITY;
CREATE POLICY users_of_current_tenant ON app.users TO saas_app
  USING (tenant_id = current_setting('app.tenant_id')::uuid);

CREATE TABLE app.invoices (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES app.tenants (id) ON DELETE CASCADE,
  amount app.cents,
  issued_on date NOT NULL DEFAULT CURRENT_DATE,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE app.rooms (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES app.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE app.bookings (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  room_id integer NOT NULL REFERENCES app.rooms (id) ON DELETE CASCADE,
  booked_by uuid REFERENCES app.users (id) ON DELETE SET NULL,
  during tstzrange NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&)
);

CREATE TABLE app.audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY,
  tenant_id uuid NOT NULL,
  action text NOT NULL,
  detail jsonb NOT NULL DEFAULT '{}',
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);
CREATE TABLE app.audit_log_2026_10 PARTITION OF app.audit_log
  FOR VALUES FROM ('2026-10-01') TO ('2026-11-01');
CREATE TABLE app.audit_log_2026_11 PARTITION OF app.audit_log
  FOR VALUES FROM ('2026-11-01') TO ('2026-12-01');
CREATE TABLE app.audit_log_2026_12 PARTITION OF app.audit_log
  FOR VALUES FROM ('2026-12-01') TO ('2027-01-01');
CREATE TABLE app.audit_log_other PARTITION OF app.audit_log DEFAULT;
CREATE INDEX audit_log_tenant_at_idx ON app.audit_log (tenant_id, at);

CREATE FUNCTION app.record_audit() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  INSERT INTO app.audit_log (tenant_id, action, detail)
  VALUES (NEW.tenant_id, TG_OP || ' ' || TG_TABLE_NAME, to_jsonb(NEW));
  RETURN NEW;
END;
$$;

CREATE FUNCTION app.user_count(tenant uuid) RETURNS integer
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = app
  AS $$ SELECT count(*)::integer FROM app.users WHERE tenant_id = tenant $$;
REVOKE EXECUTE ON FUNCTION app.user_count(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.user_count(uuid) TO saas_app;

CREATE TRIGGER tenants_updated_at BEFORE UPDATE ON app.tenants
  FOR EACH ROW EXECUTE FUNCTION app.set_updated_at();
CREATE TRIGGER users_updated_at BEFORE UPDATE ON app.users
  FOR EACH ROW EXECUTE FUNCTION app.set_updated_at();
CREATE TRIGGER invoices_updated_at BEFORE UPDATE ON app.invoices
  FOR EACH ROW EXECUTE FUNCTION app.set_updated_at();
CREATE TRIGGER rooms_updated_at BEFORE UPDATE ON app.rooms
  FOR EACH ROW EXECUTE FUNCTION app.set_updated_at();
CREATE TRIGGER bookings_updated_at BEFORE UPDATE ON app.bookings
  FOR EACH ROW EXECUTE FUNCTION app.set_updated_at();
CREATE TRIGGER invoices_audit AFTER INSERT OR UPDATE ON app.invoices
  FOR EACH ROW EXECUTE FUNCTION app.record_audit();

CREATE VIEW app.tenant_revenue AS
  SELECT t.id, t.name, coalesce(sum(i.amount), 0) AS total_cents
  FROM app.tenants t LEFT JOIN app.invoices i ON i.tenant_id = t.id
  GROUP BY t.id, t.name;
