-- Step 13: drops: a materialized view, a policy and RLS, a foreign key, a unique constraint, a
-- sequence; a primary key replaced by a composite one.
CREATE SCHEMA shop;
CREATE SCHEMA "billing area";

CREATE TYPE public.feeling AS ENUM ('sad', 'neutral', 'ok', 'happy');
CREATE TYPE public.status AS ENUM ('draft', 'live');

CREATE SEQUENCE "billing area".invoice_number_seq START WITH 1000;
