COMMENT ON COLUMN "users"."name" IS 'Display name, it''s public';--> statement-breakpoint
COMMENT ON TABLE "users" IS 'People who sign in';