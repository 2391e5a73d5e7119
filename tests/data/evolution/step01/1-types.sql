-- Step 1: the starting schema.
CREATE SCHEMA app;

CREATE TYPE public.mood AS ENUM ('sad', 'ok', 'happy');
CREATE TYPE public.status AS ENUM ('draft', 'live', 'archived');

CREATE SEQUENCE public.ticket_seq AS bigint START WITH 100 INCREMENT BY 1;
