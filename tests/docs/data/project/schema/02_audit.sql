CREATE SCHEMA "audit";

CREATE TABLE "audit"."events" (
  "id" bigserial PRIMARY KEY NOT NULL,
  "user_id" uuid,
  "action" text NOT NULL,
  "payload" jsonb,
  CONSTRAINT "events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null
);
CREATE INDEX "events_action_idx" ON "audit"."events" USING btree (lower("action"));
