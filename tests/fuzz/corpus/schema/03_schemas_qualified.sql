CREATE SCHEMA billing;
CREATE TYPE billing.currency AS ENUM ('usd', 'eur');
CREATE TABLE billing.invoices (
  id uuid DEFAULT gen_random_uuid() PRIMARY KEY,
  amount numeric(12, 2) NOT NULL,
  currency billing.currency NOT NULL DEFAULT 'usd'
);
