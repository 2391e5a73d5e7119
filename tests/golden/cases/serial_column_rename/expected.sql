ALTER TABLE "tickets" RENAME COLUMN "number" TO "ticket_number";--> statement-breakpoint
ALTER SEQUENCE "public"."tickets_number_seq" RENAME TO "tickets_ticket_number_seq";