CREATE TABLE "m" ("at" date NOT NULL, "v" int) PARTITION BY RANGE ("at");--> statement-breakpoint
CREATE TABLE "m_2024" PARTITION OF "m" FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');--> statement-breakpoint
CREATE TABLE "m_old" ("at" date NOT NULL, "v" int);--> statement-breakpoint
ALTER TABLE "m" ATTACH PARTITION "m_old" FOR VALUES FROM ('2000-01-01') TO ('2024-01-01');--> statement-breakpoint
ALTER TABLE "m" DETACH PARTITION "m_2024";