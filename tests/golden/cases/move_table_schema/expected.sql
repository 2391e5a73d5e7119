ALTER TABLE "memos" SET SCHEMA "app";
