CREATE INDEX tenants_name_slug_idx ON public.tenants (public.slugify(name));
