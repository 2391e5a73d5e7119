-- Pagila's shape: before, only the tables.
CREATE TABLE "actors" (
	"id" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"country" text
);
