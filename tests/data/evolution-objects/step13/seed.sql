INSERT INTO public.tenants (id, name, slug, plan_price, display_name) VALUES (5, 'Umbrella', 'umbrella', 2900, 'umbrella labs');
INSERT INTO public.rooms (id, tenant_id, name, price_band, off_peak) VALUES
  (4, 5, 'Atrium', '[100, 250)', '{[10, 20), [40, 50]}');
UPDATE public.rooms SET price_band = '[50, 80]' WHERE id = 1;
-- members_touch is disabled: the update leaves updated_at NULL
UPDATE public.members SET email_verified = true WHERE id = 6;
