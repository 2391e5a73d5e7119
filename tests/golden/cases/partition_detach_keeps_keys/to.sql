-- audit_2026_01 is detached for good: it keeps the key, index and foreign key it had as a
-- partition, under the names PostgreSQL gave them, so the detach is the whole migration.
CREATE TABLE "tenants" ("id" bigint PRIMARY KEY NOT NULL);
CREATE TABLE "audit" (
	"id" bigint NOT NULL,
	"tenant_id" bigint NOT NULL REFERENCES "tenants" ("id"),
	"at" timestamptz NOT NULL,
	CONSTRAINT "audit_pkey" PRIMARY KEY ("id", "at")
) PARTITION BY RANGE ("at");
CREATE INDEX "audit_tenant_at" ON "audit" ("tenant_id", "at");
CREATE TABLE "audit_2026_02" PARTITION OF "audit" FOR VALUES FROM ('2026-02-01') TO ('2026-03-01');
CREATE TABLE "audit_2026_01" (
	"id" bigint NOT NULL,
	"tenant_id" bigint NOT NULL,
	"at" timestamptz NOT NULL,
	CONSTRAINT "audit_2026_01_pkey" PRIMARY KEY ("id", "at"),
	CONSTRAINT "audit_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenants" ("id")
);
CREATE INDEX "audit_2026_01_tenant_id_at_idx" ON "audit_2026_01" ("tenant_id", "at");
