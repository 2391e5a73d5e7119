CREATE TABLE audit (
	"id" bigint NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"what" text,
	CONSTRAINT "audit_pkey" PRIMARY KEY("id","at")
) PARTITION BY RANGE ("at");
CREATE TABLE audit_2026_01 PARTITION OF audit FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
CREATE TABLE audit_old PARTITION OF audit FOR VALUES FROM ('2025-01-01') TO ('2025-07-01');
-- Loaded on its own, attached once it is ready.
CREATE TABLE audit_2026_03 (
	"id" bigint NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"what" text,
	CONSTRAINT "audit_2026_03_pkey" PRIMARY KEY("id","at")
);
CREATE TABLE regions (
	"code" text NOT NULL,
	"n" integer
) PARTITION BY LIST ("code");
CREATE TABLE regions_eu PARTITION OF regions FOR VALUES IN ('de', 'fr');
CREATE TABLE buckets (
	"id" integer NOT NULL
) PARTITION BY HASH ("id");
CREATE TABLE buckets_0 PARTITION OF buckets FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE buckets_1 PARTITION OF buckets FOR VALUES WITH (MODULUS 2, REMAINDER 1);
