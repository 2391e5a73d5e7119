CREATE UNLOGGED TABLE "events" (
	"id" bigint,
	"at" "tstzrange",
	"kind" text COLLATE "C",
	CONSTRAINT "events_at_excl" EXCLUDE USING gist (at WITH &&)
);
--> statement-breakpoint
ALTER TABLE "bookings" DROP CONSTRAINT "no_overlap";--> statement-breakpoint
ALTER TABLE "bookings" DROP CONSTRAINT "one_guest_name";--> statement-breakpoint
ALTER TABLE "sessions" SET UNLOGGED;--> statement-breakpoint
ALTER TABLE "bookings" ALTER COLUMN "guest" SET DATA TYPE text COLLATE "POSIX";--> statement-breakpoint
ALTER TABLE "bookings" ALTER COLUMN "note" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "scratch" SET LOGGED;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "cancelled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "no_overlap" EXCLUDE USING gist (room WITH =, during WITH &&) WHERE (NOT cancelled);--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "one_guest_name" EXCLUDE (lower(guest) WITH =) WHERE (room > 1);--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_room_during_excl" EXCLUDE USING gist (room WITH =, during WITH &&);