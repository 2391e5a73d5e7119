-- Step 7: the type of a column a generated column depends on; an enum value renamed; a foreign
-- key renamed.
CREATE SCHEMA app;

CREATE TYPE public.mood AS ENUM ('sad', 'neutral', 'ok', 'happy');
CREATE TYPE public.status AS ENUM ('draft', 'live');

CREATE SEQUENCE public.ticket_seq AS bigint START WITH 100 INCREMENT BY 1;
