CREATE TABLE public.accounts (
    id integer NOT NULL,
    status character varying(20) DEFAULT 'pending'::character varying,
    balance bigint DEFAULT '-1'::integer
);
ALTER TABLE ONLY public.accounts ADD CONSTRAINT accounts_pkey PRIMARY KEY (id);
CREATE INDEX accounts_status_idx ON public.accounts USING btree (status);
