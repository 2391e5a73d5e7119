CREATE TABLE audit (id bigserial PRIMARY KEY, changed_at timestamptz DEFAULT now());

CREATE OR REPLACE FUNCTION touch() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.changed_at := now();
  RETURN NEW;
END;
$$;

CREATE TRIGGER audit_touch BEFORE UPDATE ON audit FOR EACH ROW EXECUTE FUNCTION touch();
