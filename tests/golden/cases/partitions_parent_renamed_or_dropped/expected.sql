ALTER TABLE "buckets" DETACH PARTITION "buckets_0";--> statement-breakpoint
DROP TABLE "buckets" CASCADE;--> statement-breakpoint
ALTER TABLE "regions" RENAME TO "areas";