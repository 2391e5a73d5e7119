CREATE VIEW public.active_users AS
  SELECT id, email, display_name FROM public.users WHERE age >= 21;
