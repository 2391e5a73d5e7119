INSERT INTO public.memos (user_id, body) VALUES (4, 'identity');
