CREATE TABLE orders (id integer PRIMARY KEY, status text DEFAULT 'draft' NOT NULL);
