INSERT INTO public.audit_log (id, tenant_id, created_at, action, detail) VALUES
  (1, 1, '2026-01-03 08:00+00', 'signup', '{"plan": "pro"}'),
  (2, 2, '2026-01-20 12:00+00', 'signup', NULL),
  (3, 1, '2026-02-02 09:15+00', 'invite', '{"member": 2}');
INSERT INTO public.audit_log_2025 (id, tenant_id, created_at, action, detail) VALUES
  (101, 1, '2025-01-15 10:00+00', 'signup', NULL),
  (102, 1, '2025-03-01 10:00+00', 'login', NULL),
  (103, 3, '2025-11-30 23:59+00', 'login', '{"legacy": true}');
-- bookings_status_count (WHEN the status changes)
UPDATE public.bookings SET status = 'cancelled' WHERE id = 2;
UPDATE public.bookings SET status = 'confirmed' WHERE id = 3;
UPDATE public.bookings SET member_id = 5 WHERE id = 4;
-- members_email_changed (UPDATE OF email) resets email_verified; other updates keep it
UPDATE public.members SET email = 'robert@acme.test' WHERE id = 2;
UPDATE public.members SET display_name = 'Dee' WHERE id = 4;
