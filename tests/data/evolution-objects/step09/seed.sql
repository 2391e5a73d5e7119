CALL public.purge_audit('2025-06-01 00:00+00');
INSERT INTO public.audit_log_2026_01 (id, tenant_id, created_at, action) VALUES (6, 1, '2026-01-31 23:00+00', 'export');
REFRESH MATERIALIZED VIEW public.booking_stats;
