INSERT INTO public.invoices (id, tenant_id, region, amount, currency, discount, issued_on) VALUES
  (1, 1, 'eu', 4900, 'EUR', 10, '2026-01-31'),
  (2, 2, 'us', 9900, 'USD', NULL, '2026-01-31'),
  (3, 3, 'eu', DEFAULT, DEFAULT, 0, '2026-02-28');
UPDATE public.invoices SET discount = 12.5 WHERE id = 1;
REFRESH MATERIALIZED VIEW public.booking_stats;
