CREATE INDEX tenants_name_slug_idx ON public.tenants (public.slugify(name));
CREATE INDEX audit_log_tenant_created_idx ON public.audit_log (tenant_id, created_at);
CREATE INDEX audit_log_2026_01_tenant_id_created_at_idx
  ON public.audit_log_2026_01 (tenant_id, created_at);
CREATE INDEX invoices_tenant_issued_idx ON public.invoices (tenant_id, issued_on DESC);
