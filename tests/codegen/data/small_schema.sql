-- A small schema covering every mapping flick codegen knows, for the golden header test.
CREATE SCHEMA billing;
CREATE TYPE mood AS ENUM ('happy', 'so-so', 'Very Sad', 'user:logged:in');
CREATE TYPE billing.plan AS ENUM ('free', 'pro');
-- Composite types: attributes of every kind (an enum, an array, a domain, another composite).
CREATE DOMAIN postcode AS varchar(10) CHECK (VALUE <> '');
CREATE TYPE address AS (street text, "zipCode" postcode, "class" mood, lines text[]);
CREATE TYPE billing.line AS (item text, cents integer, ship_to address, paid_at timestamp with time zone);

CREATE TABLE "userAccounts" (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  "displayName" varchar(40) NOT NULL,
  email text NOT NULL,
  age smallint,
  visits integer NOT NULL DEFAULT 0,
  "bigCounter" bigint,
  active boolean NOT NULL,
  balance numeric(12, 2) NOT NULL DEFAULT 0,
  ratio double precision,
  birthday date,
  "lastSeen" timestamp with time zone,
  "createdAt" timestamp (3) NOT NULL DEFAULT now(),
  settings jsonb NOT NULL DEFAULT '{}',
  tags text[],
  scores integer[] NOT NULL,
  mood mood NOT NULL DEFAULT 'happy',
  moods mood[],
  class text,
  address inet,
  home address,
  CONSTRAINT "userAccounts_email_unique" UNIQUE (email)
);

CREATE TABLE billing.invoices (
  number bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account uuid NOT NULL REFERENCES "userAccounts" (id),
  plan billing.plan NOT NULL,
  cents integer NOT NULL,
  euros numeric GENERATED ALWAYS AS (cents / 100.0) STORED,
  note text DEFAULT NULL,
  lines billing.line[] NOT NULL DEFAULT '{}',
  first_line billing.line
);
