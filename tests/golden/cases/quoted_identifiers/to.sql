CREATE TYPE "Mood; DROP TABLE x" AS ENUM ('it''s', 'fine');
CREATE TABLE "User Data" (
  "Id" integer PRIMARY KEY,
  "we""ird" text NOT NULL DEFAULT 'a''b',
  "select" "Mood; DROP TABLE x"
);
CREATE INDEX "User Data idx" ON "User Data" ("we""ird");
