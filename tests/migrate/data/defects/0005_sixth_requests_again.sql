ALTER TABLE "users" ADD COLUMN "nickname" text;--> statement-breakpoint
CREATE TABLE "requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL
);
--> statement-breakpoint
CREATE INDEX "idx_requests_status" ON "requests" USING btree ("status");
