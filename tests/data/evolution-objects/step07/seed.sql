-- overlaps booking 3, which is cancelled: only the new EXCLUDE ... WHERE allows it
INSERT INTO public.bookings (id, tenant_id, room_id, member_id, during) VALUES
  (5, 1, 2, 1, '[2026-01-05 10:00+00,2026-01-05 11:00+00)');
INSERT INTO public.members (id, tenant_id, email, display_name) VALUES (6, 2, 'fay@globex.test', 'Fay');
REFRESH MATERIALIZED VIEW public.booking_stats;
