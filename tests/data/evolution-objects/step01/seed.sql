INSERT INTO public.tenants (id, name, slug, plan_price) VALUES
  (1, 'Acme Corp', 'acme', 4900),
  (2, 'Globex', 'globex', 9900),
  (3, 'Initech', 'initech', DEFAULT);
INSERT INTO public.members (id, tenant_id, email, display_name, email_verified) VALUES
  (1, 1, 'Ann@Acme.test', 'Ann', true),
  (2, 1, 'bob@acme.test', 'Bob', true),
  (3, 2, 'cy@globex.test', 'Cy', false),
  (4, 3, 'dee@initech.test', NULL, true);
INSERT INTO public.api_tokens (id, member_id, secret) VALUES (1, 1, 'ann-secret'), (2, 3, 'cy-secret');
-- fires tenants_touch
UPDATE public.tenants SET name = 'Acme Corporation' WHERE id = 1;
