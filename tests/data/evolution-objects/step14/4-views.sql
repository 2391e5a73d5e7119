-- Routines whose bodies read tables.
CREATE FUNCTION public.member_count(tenant bigint) RETURNS bigint
LANGUAGE sql STABLE
AS $$ SELECT count(*) FROM public.members WHERE tenant_id = tenant $$;

CREATE VIEW public.tenant_overview AS
  SELECT t.id, t.slug, public.member_count(t.id) AS member_total,
    (SELECT string_agg(m.display_name, ', ' ORDER BY m.display_name)
       FROM public.members m WHERE m.tenant_id = t.id) AS member_names
  FROM public.tenants t;

CREATE MATERIALIZED VIEW public.booking_stats AS
  SELECT tenant_id, room_id, count(*) AS booking_count,
    count(*) FILTER (WHERE status <> 'cancelled') AS active_count
  FROM public.bookings
  GROUP BY tenant_id, room_id;

CREATE UNIQUE INDEX booking_stats_key ON public.booking_stats (tenant_id, room_id);

CREATE INDEX booking_stats_active_idx ON public.booking_stats (tenant_id, active_count DESC);
