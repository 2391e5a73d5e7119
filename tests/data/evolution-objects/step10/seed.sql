INSERT INTO public.api_tokens (id, member_id, secret) VALUES (3, 5, 'eve-secret');
-- members_email_changed is gone: changing the email keeps email_verified
UPDATE public.members SET email_verified = true, email = 'cy@globex.example' WHERE id = 3;
REFRESH MATERIALIZED VIEW public.booking_stats;
