CREATE TABLE "items" (
	"id" integer PRIMARY KEY NOT NULL,
	"title" text DEFAULT 'untitled',
	"created_at" timestamp DEFAULT now() NOT NULL,
	CONSTRAINT "items_id_positive" CHECK (id > 0)
);
--> statement-breakpoint
CREATE TABLE "tagged" (
	"tags" text[] DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "books" (
	"title" text DEFAULT 'untitled' NOT NULL,
	"isbn" text,
	CONSTRAINT "books_pkey" PRIMARY KEY("id"),
	CONSTRAINT "books_isbn_length" CHECK (length(isbn) = 13)
) INHERITS ("items", "tagged");
--> statement-breakpoint
CREATE TABLE "ebooks" (
	"url" text NOT NULL
) INHERITS ("books");
--> statement-breakpoint
COMMENT ON COLUMN "books"."isbn" IS 'ISBN-13';