SET search_path = app, public;
CREATE SCHEMA app;
CREATE TABLE "Mixed Case" ("Id" int PRIMARY KEY, "select" text, "a""b" int);
CREATE TYPE "MyEnum" AS ENUM ('A', 'b c');
