INSERT INTO public.audit_log (id, tenant_id, created_at, action, detail) VALUES
  (4, 3, '2026-03-10 16:00+00', 'upgrade', NULL),
  (5, 4, '2027-05-01 00:00+00', 'signup', NULL);
INSERT INTO public.invoices (id, tenant_id, region, amount, issued_on) VALUES (4, 4, 'apac', 19900, '2026-03-31');
-- the new WHEN leaves cancellations uncounted
UPDATE public.bookings SET status = 'cancelled' WHERE id = 3;
UPDATE public.bookings SET status = 'confirmed' WHERE id = 2;
REFRESH MATERIALIZED VIEW public.booking_stats;
