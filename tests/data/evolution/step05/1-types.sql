-- Step 5: move a table to another schema; a view and a materialized view.
CREATE SCHEMA app;

CREATE TYPE public.mood AS ENUM ('sad', 'meh', 'ok', 'happy');
CREATE TYPE public.status AS ENUM ('draft', 'live', 'archived');

CREATE SEQUENCE public.ticket_seq AS bigint START WITH 100 INCREMENT BY 1;
