INSERT INTO public.invoices (id, tenant_id, region, amount, issued_on) VALUES (5, 1, 'latam', 1000, '2026-04-30');
-- tenants_touch now fires only when the row changes
UPDATE public.tenants SET name = name WHERE id = 2;
UPDATE public.tenants SET plan_price = 14900 WHERE id = 3;
REFRESH MATERIALIZED VIEW public.booking_stats;
