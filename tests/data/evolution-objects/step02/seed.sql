INSERT INTO public.tenants (id, name, slug, plan_price) VALUES (4, 'Hooli', 'hooli', 19900);
INSERT INTO public.members (id, tenant_id, email, display_name) VALUES (5, 2, 'eve@globex.test', 'Eve');
INSERT INTO public.rate_limits (member_id, bucket, hits) VALUES (1, 'api', 42), (3, 'api', 7), (3, 'login', 1);
