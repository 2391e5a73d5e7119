-- Step 9: SET NOT NULL on a column with a default while NULLs exist; DROP NOT NULL; a view's
-- definition and a partial index's predicate changed; an index dropped.
CREATE SCHEMA app;
CREATE SCHEMA "billing area";

CREATE TYPE public.feeling AS ENUM ('sad', 'neutral', 'ok', 'happy');
CREATE TYPE public.status AS ENUM ('draft', 'live');

CREATE SEQUENCE public.ticket_seq AS bigint START WITH 100 INCREMENT BY 1;
