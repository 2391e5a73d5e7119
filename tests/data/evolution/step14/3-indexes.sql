CREATE INDEX users_email_lower_idx ON public.users (lower(email));
CREATE INDEX users_adult_idx ON public.users (age) WHERE age >= 21;
CREATE INDEX users_score_desc_idx ON public.users (score DESC NULLS FIRST);
CREATE INDEX users_phone_idx ON public.users (phone) INCLUDE (display_name);
CREATE INDEX users_display_name_pattern_idx ON public.users (display_name text_pattern_ops);
CREATE INDEX memos_body_search_idx ON public.memos USING gin (to_tsvector('english', body));
CREATE UNIQUE INDEX orders_user_status_idx ON shop.orders (user_id ASC NULLS FIRST, status);
