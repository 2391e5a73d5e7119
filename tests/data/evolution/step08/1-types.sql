-- Step 8: an enum renamed; primary key, unique and check constraints renamed; a new schema whose
-- name needs quotes.
CREATE SCHEMA app;
CREATE SCHEMA "billing area";

CREATE TYPE public.feeling AS ENUM ('sad', 'neutral', 'ok', 'happy');
CREATE TYPE public.status AS ENUM ('draft', 'live');

CREATE SEQUENCE public.ticket_seq AS bigint START WITH 100 INCREMENT BY 1;
