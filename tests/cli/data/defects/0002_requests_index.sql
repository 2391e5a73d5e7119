CREATE TABLE "requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"body" text
);
--> statement-breakpoint
CREATE INDEX "requests_body_idx" ON "requests" USING btree ("body");