ALTER TABLE public.memos ENABLE ROW LEVEL SECURITY;
CREATE POLICY memos_owner ON public.memos FOR ALL TO public
  USING (user_id = current_setting('app.user_id', true)::integer
         OR current_setting('app.admin', true) = 'on')
  WITH CHECK (user_id = current_setting('app.user_id', true)::integer);

ALTER TABLE public."audit log" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "audit readers" ON public."audit log" AS RESTRICTIVE FOR SELECT
  USING (actor IS NOT NULL);
