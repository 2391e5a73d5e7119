-- a hand-written draft, not yet in the journal
UPDATE "posts" SET "score" = 1;
