-- For pull --split: an extension, a PL/pgSQL trigger function, triggers on two tables, a
-- procedure. (Pulled files are applied in name order, so what a trigger runs lives in the
-- trigger's own schema here.)
CREATE EXTENSION IF NOT EXISTS citext;
CREATE SCHEMA app;

CREATE FUNCTION app.set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END
$$;

CREATE TABLE app.users (
  id integer PRIMARY KEY,
  email citext NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE app.notes (
  id integer PRIMARY KEY,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE PROCEDURE app.forget(max_id integer) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM app.notes WHERE id < max_id;
END
$$;

CREATE TRIGGER users_updated_at BEFORE UPDATE ON app.users
  FOR EACH ROW EXECUTE FUNCTION app.set_updated_at();
CREATE TRIGGER notes_updated_at BEFORE UPDATE ON app.notes
  FOR EACH ROW EXECUTE FUNCTION app.set_updated_at();
