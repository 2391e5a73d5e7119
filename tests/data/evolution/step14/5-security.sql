ALTER TABLE public.memos ENABLE ROW LEVEL SECURITY;
CREATE POLICY memos_owner ON public.memos FOR ALL TO public
  USING (user_id = current_setting('app.user_id', true)::integer
         OR current_setting('app.admin', true) = 'on')
  WITH CHECK (user_id = current_setting('app.user_id', true)::integer);
