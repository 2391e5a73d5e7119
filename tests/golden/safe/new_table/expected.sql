CREATE TABLE "notes" (
	"id" integer PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"body" text,
	CONSTRAINT "notes_body_check" CHECK (body <> '')
);
--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notes_user_idx" ON "notes" USING btree ("user_id");