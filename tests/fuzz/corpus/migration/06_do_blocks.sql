DO $$ BEGIN
 CREATE TYPE "public"."status" AS ENUM('open', 'closed');
EXCEPTION
 WHEN duplicate_object THEN null;
END $$;
--> statement-breakpoint
DO $$ BEGIN
 IF NOT EXISTS (SELECT 1 FROM pg_tables WHERE tablename = 'x') THEN
  CREATE TABLE x (id int);
 END IF;
END $$;