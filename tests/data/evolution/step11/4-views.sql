CREATE VIEW public.active_users AS
  SELECT id, email, display_name FROM public.users WHERE age >= 21;

CREATE MATERIALIZED VIEW app.order_totals AS
  SELECT user_id, sum(amount) AS total_amount, count(*) AS order_count
  FROM app.orders
  GROUP BY user_id;
