-- items changes: the children's copies follow without a statement of their own (PostgreSQL
-- passes ADD / DROP / ALTER COLUMN and ADD CONSTRAINT down), books' own "name" included.
-- magazines gains a second parent whose column it has already.
CREATE TABLE "items" (
	"id" integer NOT NULL,
	"name" varchar(200) NOT NULL,
	"added_at" timestamp DEFAULT now(),
	CONSTRAINT "items_id_positive" CHECK ("id" > 0)
);
CREATE TABLE "audit" (
	"changed_at" timestamp
);
CREATE TABLE "books" (
	"isbn" text,
	"name" varchar(200) NOT NULL
) INHERITS ("items");
CREATE TABLE "magazines" (
	"issue" integer,
	"changed_at" timestamp
) INHERITS ("items", "audit");
