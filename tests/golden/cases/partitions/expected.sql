CREATE TABLE "audit_2026_02" PARTITION OF "audit" FOR VALUES FROM ('2026-02-01') TO ('2026-03-01');
--> statement-breakpoint
DROP TABLE "buckets" CASCADE;--> statement-breakpoint
ALTER TABLE "regions" DETACH PARTITION "regions_eu";--> statement-breakpoint
ALTER TABLE "audit_2026_03" DROP CONSTRAINT "audit_2026_03_pkey";--> statement-breakpoint
ALTER TABLE "audit" ADD COLUMN "who" text;--> statement-breakpoint
ALTER TABLE "audit_2026_03" ADD COLUMN "who" text;--> statement-breakpoint
ALTER TABLE "audit" DETACH PARTITION "audit_old";--> statement-breakpoint
ALTER TABLE "audit" ATTACH PARTITION "audit_old" FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');--> statement-breakpoint
ALTER TABLE "audit" ATTACH PARTITION "audit_2026_03" FOR VALUES FROM ('2026-03-01') TO ('2026-04-01');--> statement-breakpoint
CREATE INDEX "audit_who" ON "audit" USING btree ("who");