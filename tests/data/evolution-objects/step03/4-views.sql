-- Routines whose bodies read tables.
CREATE FUNCTION public.member_count(tenant bigint) RETURNS integer
LANGUAGE sql STABLE
AS $$ SELECT count(*)::integer FROM public.members WHERE tenant_id = tenant $$;

CREATE VIEW public.tenant_overview AS
  SELECT t.id, t.slug, public.member_count(t.id) AS member_total,
    (SELECT public.join_labels(m.display_name ORDER BY m.display_name)
       FROM public.members m WHERE m.tenant_id = t.id) AS member_names
  FROM public.tenants t;
