CREATE TABLE "requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"body" text
);
