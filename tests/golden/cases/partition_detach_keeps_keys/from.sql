CREATE TABLE "tenants" ("id" bigint PRIMARY KEY NOT NULL);
CREATE TABLE "audit" (
	"id" bigint NOT NULL,
	"tenant_id" bigint NOT NULL REFERENCES "tenants" ("id"),
	"at" timestamptz NOT NULL,
	CONSTRAINT "audit_pkey" PRIMARY KEY ("id", "at")
) PARTITION BY RANGE ("at");
CREATE INDEX "audit_tenant_at" ON "audit" ("tenant_id", "at");
CREATE TABLE "audit_2026_01" PARTITION OF "audit" FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
CREATE TABLE "audit_2026_02" PARTITION OF "audit" FOR VALUES FROM ('2026-02-01') TO ('2026-03-01');
