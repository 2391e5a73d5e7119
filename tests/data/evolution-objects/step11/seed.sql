-- public.percent is gone: 150 is a valid numeric(5, 2)
UPDATE public.invoices SET discount = 150 WHERE id = 2;
REFRESH MATERIALIZED VIEW public.booking_stats;
