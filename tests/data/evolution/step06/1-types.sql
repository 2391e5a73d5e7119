-- Step 6: an enum value removed (the column using it has a default and an index).
CREATE SCHEMA app;

CREATE TYPE public.mood AS ENUM ('sad', 'meh', 'ok', 'happy');
CREATE TYPE public.status AS ENUM ('draft', 'live');

CREATE SEQUENCE public.ticket_seq AS bigint START WITH 100 INCREMENT BY 1;
