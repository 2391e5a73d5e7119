CREATE TABLE audit (
	"id" bigint NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"what" text,
	"who" text,
	CONSTRAINT "audit_pkey" PRIMARY KEY("id","at")
) PARTITION BY RANGE ("at");
CREATE INDEX audit_who ON audit (who);
CREATE TABLE audit_2026_01 PARTITION OF audit FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
CREATE TABLE audit_2026_02 PARTITION OF audit FOR VALUES FROM ('2026-02-01') TO ('2026-03-01');
CREATE TABLE audit_old PARTITION OF audit FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE audit_2026_03 PARTITION OF audit FOR VALUES FROM ('2026-03-01') TO ('2026-04-01');
CREATE TABLE regions (
	"code" text NOT NULL,
	"n" integer
) PARTITION BY LIST ("code");
-- Kept, no longer a partition.
CREATE TABLE regions_eu (
	"code" text NOT NULL,
	"n" integer
);
