CREATE EXTENSION IF NOT EXISTS "pgcrypto";--> statement-breakpoint
CREATE TABLE "ids" ("id" uuid DEFAULT gen_random_uuid() PRIMARY KEY, "n" integer GENERATED ALWAYS AS IDENTITY (sequence name "ids_n_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1));--> statement-breakpoint
ALTER TABLE "ids" ALTER COLUMN "n" SET INCREMENT BY 2;--> statement-breakpoint
ALTER TABLE "ids" ALTER COLUMN "n" DROP IDENTITY;--> statement-breakpoint
DROP EXTENSION "pgcrypto";