INSERT INTO public.activity_invites (id, tenant_id, email, note) VALUES (5, 2, 'new@globex.test', 'a note longer than forty characters, which fits');
INSERT INTO public.activity_exports (id, tenant_id, format) VALUES (6, 3, 'json');
