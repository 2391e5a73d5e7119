-- Step 3: drop a table and a column; type changes with and without USING; an enum value
-- added in the middle; a check constraint.
CREATE SCHEMA app;

CREATE TYPE public.mood AS ENUM ('sad', 'meh', 'ok', 'happy');
CREATE TYPE public.status AS ENUM ('draft', 'live', 'archived');

CREATE SEQUENCE public.ticket_seq AS bigint START WITH 100 INCREMENT BY 1;
