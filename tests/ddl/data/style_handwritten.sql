-- The schema of style_drizzle.sql as a person (or pg_dump) would write it: lower-case
-- keywords, unquoted names, inline constraints, explicit casts and default orderings.
create schema shop;

create type user_status as enum ('ONBOARDING', 'ACTIVE');
create type shop.currency as enum ('usd', 'eur');

create table public.users (
    id uuid not null default gen_random_uuid(),
    email character varying(255) not null constraint users_email_unique unique,
    status public.user_status not null default 'ONBOARDING'::public.user_status,
    branch text,
    karma int4 default 0,
    created_at timestamptz(3) not null default NOW(),
    constraint users_onboarding_check check ((status = 'ONBOARDING') = (branch IS NULL)),
    primary key (id)
);

create table shop.orders (
    id int primary key generated always as identity (sequence name shop.orders_id_seq),
    user_id uuid not null constraint orders_user_id_users_id_fk references users (id) on delete cascade,
    currency shop.currency not null default 'usd'::shop.currency,
    total decimal(10,2) not null default '0'::numeric,
    tags text[] default '{}'::text[]
);

create table shop.order_lines (
    order_id integer not null
        constraint order_lines_order_id_orders_id_fk references shop.orders,
    line integer not null,
    sku text not null,
    constraint order_lines_order_id_line_pk primary key (order_id, line)
);

create index users_created_idx on users (created_at desc nulls last);
create unique index users_lower_email_idx on public.users using btree (LOWER(email) asc nulls last);
create index orders_user_idx on shop.orders (user_id, total) where (orders.total > 0);
