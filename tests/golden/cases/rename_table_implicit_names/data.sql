INSERT INTO notes (slug) VALUES ('a'), ('b');
