DROP INDEX "idx_kind";--> statement-breakpoint
CREATE INDEX "events_kind_idx" ON "events" USING btree ("kind" text_pattern_ops);