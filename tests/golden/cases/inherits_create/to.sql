-- Table inheritance: children after their parents, only their own columns written (a column
-- they declare as well is theirs), the grandchild last. Keys are not inherited: books has its
-- own, on a column it has from items.
CREATE TABLE "items" (
	"id" integer PRIMARY KEY NOT NULL,
	"title" text DEFAULT 'untitled',
	"created_at" timestamp DEFAULT now() NOT NULL,
	CONSTRAINT "items_id_positive" CHECK ("id" > 0)
);
CREATE TABLE "tagged" (
	"tags" text[] DEFAULT '{}'::text[] NOT NULL
);
CREATE TABLE "books" (
	"isbn" text,
	"title" text NOT NULL,
	CONSTRAINT "books_isbn_length" CHECK (length("isbn") = 13),
	CONSTRAINT "books_pkey" PRIMARY KEY ("id")
) INHERITS ("items", "tagged");
CREATE TABLE "ebooks" (
	"url" text NOT NULL
) INHERITS ("books");
COMMENT ON COLUMN "books"."isbn" IS 'ISBN-13';
