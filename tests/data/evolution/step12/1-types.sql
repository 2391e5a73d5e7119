-- Step 12: a schema renamed (with a table, an index and a materialized view in it); a policy's
-- USING changed; a check constraint dropped.
CREATE SCHEMA shop;
CREATE SCHEMA "billing area";

CREATE TYPE public.feeling AS ENUM ('sad', 'neutral', 'ok', 'happy');
CREATE TYPE public.status AS ENUM ('draft', 'live');

CREATE SEQUENCE public.ticket_seq AS bigint START WITH 100 INCREMENT BY 5 CACHE 10;
CREATE SEQUENCE "billing area".invoice_number_seq START WITH 1000;
