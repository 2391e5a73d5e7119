CREATE TABLE "User Data" ("Id" integer PRIMARY KEY, "we""ird" text);
