-- Step 14: drops: a view, a schema with its table and sequence, a primary key; an enum column
-- turned into text and the enum dropped.
CREATE SCHEMA shop;

CREATE TYPE public.feeling AS ENUM ('sad', 'neutral', 'ok', 'happy');
