ALTER TABLE "notes" NO INHERIT "items";--> statement-breakpoint
DROP TABLE "ebooks" CASCADE;--> statement-breakpoint
DROP TABLE "books" CASCADE;--> statement-breakpoint
DROP TABLE "items" CASCADE;