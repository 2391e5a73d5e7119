CREATE TABLE tickets (ticket_number serial PRIMARY KEY, title text);
