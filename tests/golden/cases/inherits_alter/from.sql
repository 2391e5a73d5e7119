CREATE TABLE "items" (
	"id" integer NOT NULL,
	"name" text,
	"legacy" text
);
CREATE TABLE "audit" (
	"changed_at" timestamp
);
CREATE TABLE "books" (
	"isbn" text,
	"name" text
) INHERITS ("items");
CREATE TABLE "magazines" (
	"issue" integer,
	"changed_at" timestamp
) INHERITS ("items");
