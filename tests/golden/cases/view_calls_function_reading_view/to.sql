-- A view calling a function whose SQL body reads another view: the function is created among
-- the views, after the view it reads and before the view calling it.
CREATE TABLE orders (id integer PRIMARY KEY, total numeric NOT NULL);
CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100;
CREATE FUNCTION big_order_count() RETURNS bigint LANGUAGE sql STABLE
  AS $$ SELECT count(*) FROM big_orders $$;
CREATE VIEW order_stats AS SELECT big_order_count() AS big, (SELECT count(*) FROM orders) AS all_orders;
