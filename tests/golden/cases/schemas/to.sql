CREATE SCHEMA finance;
CREATE SCHEMA audit;
CREATE TABLE finance.invoices (id integer PRIMARY KEY);
