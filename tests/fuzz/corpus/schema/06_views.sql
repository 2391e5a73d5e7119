CREATE TABLE items (id integer PRIMARY KEY, price integer NOT NULL, hidden boolean DEFAULT false);
CREATE VIEW visible_items WITH (security_invoker = true) AS SELECT id, price FROM items WHERE NOT hidden;
CREATE MATERIALIZED VIEW price_totals AS SELECT sum(price) AS total FROM items WITH NO DATA;
CREATE INDEX price_totals_idx ON price_totals (total);
