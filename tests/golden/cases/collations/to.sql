CREATE COLLATION case_insensitive (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE COLLATION sorting (provider = icu, locale = 'de-DE');
CREATE COLLATION plain FROM "C";
CREATE COLLATION split (lc_collate = 'C', lc_ctype = 'POSIX');
CREATE DOMAIN handle AS text COLLATE case_insensitive;
CREATE TABLE people (
	"id" integer PRIMARY KEY NOT NULL,
	"name" text COLLATE case_insensitive,
	"code" text COLLATE plain,
	"nickname" handle
);
COMMENT ON COLLATION case_insensitive IS 'Compares without case';
