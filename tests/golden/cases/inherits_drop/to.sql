-- items, books and ebooks go, children first (DROP ... CASCADE on items would take them
-- along); notes stays, no longer a child of items, with the column it had from it.
CREATE TABLE "notes" (
	"id" integer NOT NULL,
	"body" text
);
