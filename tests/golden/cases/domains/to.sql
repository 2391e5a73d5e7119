-- A check replaced and one added, a default changed and NOT NULL set, a domain created and one
-- dropped; the base types stay, so every change is an ALTER DOMAIN.
CREATE DOMAIN email AS text CONSTRAINT email_check CHECK (VALUE ~ '^[^@]+@[^@]+$');
CREATE DOMAIN cents AS bigint NOT NULL DEFAULT 100 CONSTRAINT non_negative CHECK (VALUE >= 0);
CREATE DOMAIN "app_code" AS varchar(8) COLLATE "C";
CREATE TABLE accounts (
	"id" integer PRIMARY KEY NOT NULL,
	"contact" email,
	"balance" cents,
	"code" app_code
);
