-- codu's 0001: a UNIQUE added to a table whose primary key has the same column. PostgreSQL keeps
-- both (only a CREATE TABLE that declares the two folds them into one key), so the migration adds
-- the unique after the table.
CREATE TABLE "Tag" (
  "id" serial PRIMARY KEY NOT NULL,
  "title" varchar(20) NOT NULL
);
ALTER TABLE "Tag" ADD CONSTRAINT "Tag_id_unique" UNIQUE ("id");
CREATE TABLE "Membership" (
  "communityId" text NOT NULL,
  "userId" text NOT NULL,
  CONSTRAINT "Membership_pk" PRIMARY KEY ("communityId", "userId")
);
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_communityId_userId_key" UNIQUE ("communityId", "userId");
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_communityId_key" UNIQUE ("userId", "communityId");
