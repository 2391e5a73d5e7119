-- Soft deletion with table inheritance, a pattern seen in real projects: the parent in schema
-- "source" holds the columns, live rows sit in a child in "public", deleted ones in a child in
-- "archive" and "garbage"; both child schemas sort before "source", so flick pull must write
-- the children where their parent is read first.
CREATE SCHEMA source;
CREATE SCHEMA archive;
CREATE SCHEMA garbage;

CREATE TABLE source.accounts (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  email text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  PRIMARY KEY (id),
  CONSTRAINT accounts_email_shape CHECK (email = '' OR email LIKE '%@%')
);
CREATE TABLE public.accounts () INHERITS (source.accounts);
CREATE TABLE garbage.accounts (reason text) INHERITS (source.accounts);
CREATE TABLE archive.accounts () INHERITS (garbage.accounts);
CREATE UNIQUE INDEX accounts_email ON public.accounts (email);
ALTER TABLE public.accounts ADD PRIMARY KEY (id);

CREATE TABLE source.sessions (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  account_id uuid NOT NULL,
  PRIMARY KEY (id)
);
CREATE TABLE public.sessions () INHERITS (source.sessions);
ALTER TABLE public.sessions ADD CONSTRAINT sessions_account_fk FOREIGN KEY (account_id)
  REFERENCES public.accounts (id) ON DELETE CASCADE;
