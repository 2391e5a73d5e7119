INSERT INTO users (id, status, active) VALUES (1, NULL, NULL), (2, 'old', false);
