INSERT INTO "billing area".invoices (id, order_id, amount) VALUES (1, 10, 9.99), (2, 11, DEFAULT);
