INSERT INTO public."audit log" (id, "Created At", "Event ""Kind""", actor) VALUES
  (1, '2026-01-01 10:00:00+00', 'login', 1),
  (2, '2026-01-02 11:30:00+00', 'logout', NULL);
UPDATE public.users SET phone = '+1 555 0100' WHERE id = 1;
