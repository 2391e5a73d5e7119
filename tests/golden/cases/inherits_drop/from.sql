CREATE TABLE "items" (
	"id" integer NOT NULL
);
CREATE TABLE "books" (
	"isbn" text
) INHERITS ("items");
CREATE TABLE "ebooks" (
	"url" text
) INHERITS ("books");
CREATE TABLE "notes" (
	"body" text
) INHERITS ("items");
