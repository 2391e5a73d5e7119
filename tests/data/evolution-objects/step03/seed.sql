INSERT INTO public.rooms (id, tenant_id, name) VALUES (1, 1, 'Boardroom'), (2, 1, 'Studio'), (3, 2, 'Lab');
INSERT INTO public.bookings (id, tenant_id, room_id, member_id, during) VALUES
  (1, 1, 1, 1, '[2026-01-05 09:00+00,2026-01-05 10:00+00)'),
  (2, 1, 1, 2, '[2026-01-05 10:00+00,2026-01-05 11:00+00)'),
  (3, 1, 2, 2, '[2026-01-05 09:30+00,2026-01-05 12:00+00)'),
  (4, 2, 3, 3, '[2026-02-10 14:00+00,2026-02-10 15:00+00)');
UPDATE public.bookings SET status = 'tentative' WHERE id = 3;
