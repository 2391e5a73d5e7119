-- Step 2: a table with quoted identifiers, a new column, defaults set, changed, dropped.
CREATE SCHEMA app;

CREATE TYPE public.mood AS ENUM ('sad', 'ok', 'happy');
CREATE TYPE public.status AS ENUM ('draft', 'live', 'archived');

CREATE SEQUENCE public.ticket_seq AS bigint START WITH 100 INCREMENT BY 1;
