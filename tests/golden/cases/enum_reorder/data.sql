INSERT INTO shirts VALUES (1, 'large'), (2, 'medium');
