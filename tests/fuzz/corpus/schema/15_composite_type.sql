CREATE TYPE address AS (street text, city text, zip varchar(10));
CREATE TABLE shops (id int PRIMARY KEY, location address);
