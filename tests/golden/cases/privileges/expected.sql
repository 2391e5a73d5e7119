DO $$ BEGIN CREATE ROLE "golden_priv_ro" WITH LOGIN NOCREATEDB NOCREATEROLE INHERIT NOBYPASSRLS CONNECTION LIMIT 3; EXCEPTION WHEN duplicate_object THEN ALTER ROLE "golden_priv_ro" WITH LOGIN NOCREATEDB NOCREATEROLE INHERIT NOBYPASSRLS CONNECTION LIMIT 3; END $$;--> statement-breakpoint
DO $$ BEGIN CREATE ROLE "golden_priv_rw" WITH NOLOGIN NOCREATEDB NOCREATEROLE INHERIT NOBYPASSRLS CONNECTION LIMIT -1; EXCEPTION WHEN duplicate_object THEN ALTER ROLE "golden_priv_rw" WITH NOLOGIN NOCREATEDB NOCREATEROLE INHERIT NOBYPASSRLS CONNECTION LIMIT -1; END $$;--> statement-breakpoint
GRANT "golden_priv_rw" TO "golden_priv_ro";--> statement-breakpoint
CREATE SCHEMA "app";
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA "app" GRANT SELECT ON TABLES TO "golden_priv_ro";--> statement-breakpoint
CREATE TYPE "app"."mood" AS ENUM('a', 'b');--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.touch(x integer) RETURNS integer LANGUAGE sql AS $$ SELECT x + 1 $$;--> statement-breakpoint
CREATE TABLE "app"."users" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"secret" text
);
--> statement-breakpoint
REVOKE SELECT ON TABLE "app"."users" FROM "golden_priv_ro";--> statement-breakpoint
REVOKE EXECUTE ON ROUTINE "app"."touch"(integer) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON ROUTINE "app"."touch"(integer) TO "golden_priv_rw" WITH GRANT OPTION;--> statement-breakpoint
GRANT USAGE ON SCHEMA "app" TO "golden_priv_rw";--> statement-breakpoint
GRANT USAGE ON SEQUENCE "app"."users_id_seq" TO "golden_priv_rw";--> statement-breakpoint
GRANT INSERT, SELECT ON TABLE "app"."users" TO "golden_priv_rw";--> statement-breakpoint
GRANT SELECT ("email", "id") ON TABLE "app"."users" TO "golden_priv_ro";--> statement-breakpoint
REVOKE USAGE ON TYPE "app"."mood" FROM PUBLIC;