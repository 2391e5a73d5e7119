CREATE TYPE status AS ENUM ('draft', 'live');
CREATE TABLE orders (id integer PRIMARY KEY, status status DEFAULT 'draft' NOT NULL);
