INSERT INTO public.activity_logins (id, tenant_id, ip, note) VALUES (1, 1, '10.0.0.1', 'first login'), (2, 2, '10.0.0.2', NULL);
INSERT INTO public.activity_exports (id, tenant_id, format, note) VALUES (3, 1, 'csv', 'monthly');
INSERT INTO public.activity (id, tenant_id, note) VALUES (4, 3, 'by hand');
