INSERT INTO items VALUES (1, '42', 'true', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 7);
