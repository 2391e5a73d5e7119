-- Step 4: rename a table and a column; a unique constraint (NULLS NOT DISTINCT), a foreign key,
-- and indexes of every kind.
CREATE SCHEMA app;

CREATE TYPE public.mood AS ENUM ('sad', 'meh', 'ok', 'happy');
CREATE TYPE public.status AS ENUM ('draft', 'live', 'archived');

CREATE SEQUENCE public.ticket_seq AS bigint START WITH 100 INCREMENT BY 1;
