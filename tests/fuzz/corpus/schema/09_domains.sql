CREATE DOMAIN email AS text COLLATE "C" CHECK (VALUE ~ '@') NOT NULL;
CREATE DOMAIN positive_int AS integer DEFAULT 1 CONSTRAINT positive CHECK (VALUE > 0);
CREATE TABLE contacts (id int PRIMARY KEY, address email, score positive_int);
