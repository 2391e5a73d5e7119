CREATE SCHEMA "billing area";
CREATE TABLE users (id integer PRIMARY KEY, email text);
CREATE TABLE "billing area".invoices (
  id integer PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users (id),
  amount numeric(12, 2) DEFAULT 0 NOT NULL
);
CREATE INDEX invoices_user_idx ON "billing area".invoices (user_id) INCLUDE (amount);
CREATE VIEW "billing area".totals AS SELECT user_id, sum(amount) AS total FROM "billing area".invoices GROUP BY user_id;
