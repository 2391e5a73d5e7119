CREATE COLLATION retired (provider = libc, locale = 'C');
-- Used by nothing: a changed definition is dropped and created again.
CREATE COLLATION sorting (provider = icu, locale = 'und');
CREATE TABLE people (
	"id" integer PRIMARY KEY NOT NULL,
	"name" text
);
