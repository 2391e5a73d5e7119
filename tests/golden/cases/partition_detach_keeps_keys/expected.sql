ALTER TABLE "audit" DETACH PARTITION "audit_2026_01";--> statement-breakpoint
ALTER TABLE "audit_2026_01" RENAME CONSTRAINT "audit_tenant_id_fkey" TO "audit_tenant_id_tenants_id_fk";