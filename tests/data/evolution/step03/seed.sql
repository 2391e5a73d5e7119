INSERT INTO public.users (id, email, age, score, nickname, mood) VALUES
  (4, 'dee.longer.address@flick.com', 45, 5000000000, NULL, 'meh');
