CREATE TABLE tickets (number serial PRIMARY KEY, title text);
