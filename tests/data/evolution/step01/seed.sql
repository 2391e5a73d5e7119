INSERT INTO public.users (id, email, age, score, nickname, mood, bio) VALUES
  (1, 'ann@flick.com', '31', 10, 'annie', 'happy', 'likes tea'),
  (2, 'bob@flick.com', '17', NULL, NULL, 'sad', NULL),
  (3, 'cy@flick.com', NULL, 2147483647, 'cy', NULL, 'none');
INSERT INTO public.notes (id, user_id, body) VALUES (1, 1, 'first note'), (2, 3, NULL);
INSERT INTO public.tags (id, label) VALUES (1, 'misc');
INSERT INTO public.orders (id, user_id, amount, status, quantity, price) VALUES
  (10, 1, 9.99, 'live', 3, 4),
  (11, 2, 100.50, 'draft', 2000000, 1000),
  (12, 3, NULL, 'live', NULL, 7);
SELECT nextval('public.ticket_seq');
