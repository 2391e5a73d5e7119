CREATE DOMAIN email AS text CHECK (VALUE ~ '@');
CREATE DOMAIN cents AS bigint DEFAULT 0;
CREATE DOMAIN retired AS integer;
CREATE TABLE accounts (
	"id" integer PRIMARY KEY NOT NULL,
	"contact" email,
	"balance" cents
);
