CREATE TABLE "accounts" (
  "id" serial PRIMARY KEY NOT NULL,
  "email" text NOT NULL
);

CREATE TABLE "requests" (
  "id" serial PRIMARY KEY NOT NULL,
  "body" text
);

CREATE INDEX "requests_body_idx" ON "requests" USING btree ("body");
