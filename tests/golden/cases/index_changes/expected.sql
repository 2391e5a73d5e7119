DROP INDEX "events_kind_idx";--> statement-breakpoint
DROP INDEX "events_at_idx";--> statement-breakpoint
DROP INDEX "events_payload_idx";--> statement-breakpoint
CREATE INDEX "events_kind_idx" ON "events" USING btree ("kind","at" DESC NULLS FIRST);--> statement-breakpoint
CREATE UNIQUE INDEX "events_at_kind_idx" ON "events" USING btree ("at" DESC NULLS LAST,"kind") WHERE kind IS NOT NULL;