INSERT INTO public.audit_log (id, tenant_id, created_at, action) VALUES (104, 2, '2025-06-01 00:00+00', 'login');
UPDATE public.rate_limits SET hits = hits + 1 WHERE member_id = 1;
REFRESH MATERIALIZED VIEW public.booking_stats;
