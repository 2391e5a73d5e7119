ALTER ROLE "golden_priv_ro" WITH LOGIN NOCREATEDB NOCREATEROLE INHERIT NOBYPASSRLS CONNECTION LIMIT 5;--> statement-breakpoint
REVOKE "golden_priv_rw" FROM "golden_priv_ro";--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA "app" REVOKE SELECT ON TABLES FROM "golden_priv_ro";--> statement-breakpoint
ALTER TABLE "app"."users" RENAME TO "members";--> statement-breakpoint
ALTER SEQUENCE "app"."users_id_seq" RENAME TO "members_id_seq";--> statement-breakpoint
ALTER TABLE "app"."members" RENAME CONSTRAINT "users_pkey" TO "members_pkey";--> statement-breakpoint
REVOKE EXECUTE ON ROUTINE "app"."touch"(integer) FROM "golden_priv_rw";--> statement-breakpoint
REVOKE USAGE ON SCHEMA "app" FROM "golden_priv_rw";--> statement-breakpoint
REVOKE USAGE ON SEQUENCE "app"."members_id_seq" FROM "golden_priv_rw";--> statement-breakpoint
REVOKE INSERT, SELECT ON TABLE "app"."members" FROM "golden_priv_rw";--> statement-breakpoint
GRANT USAGE ON TYPE "app"."mood" TO PUBLIC;--> statement-breakpoint
GRANT USAGE ON SCHEMA "app" TO "golden_priv_ro";--> statement-breakpoint
GRANT UPDATE ("email") ON TABLE "app"."members" TO "golden_priv_ro";--> statement-breakpoint
DROP ROLE "golden_priv_rw";