ALTER TABLE "ghost" ADD COLUMN "x" int;--> statement-breakpoint
CREATE TABLE "dup" ("a" int);--> statement-breakpoint
CREATE TABLE "dup" ("a" int);