CREATE TABLE "a" ("id" integer PRIMARY KEY);--> statement-breakpoint
ALTER TABLE "a" RENAME TO "b";--> statement-breakpoint
ALTER TABLE "b" RENAME COLUMN "id" TO "key";--> statement-breakpoint
CREATE SCHEMA "archive";
--> statement-breakpoint
ALTER TABLE "b" SET SCHEMA "archive";--> statement-breakpoint
DROP TABLE "archive"."b" CASCADE;