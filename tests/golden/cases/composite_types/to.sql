-- pair is used by no column: its attributes change in place.
CREATE TYPE pair AS (a bigint, b text COLLATE "C", c boolean);
CREATE TYPE money_amount AS (amount numeric(12, 2), currency char(3));
CREATE TABLE invoices (
	"id" integer PRIMARY KEY NOT NULL,
	"total" money_amount NOT NULL,
	"history" money_amount[]
);
