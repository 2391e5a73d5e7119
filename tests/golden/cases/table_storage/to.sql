CREATE EXTENSION IF NOT EXISTS btree_gist;
-- Cache rows: not worth the WAL.
CREATE UNLOGGED TABLE sessions (
	"token" text PRIMARY KEY NOT NULL,
	"data" jsonb
);
CREATE TABLE bookings (
	"id" integer PRIMARY KEY NOT NULL,
	"room" integer NOT NULL,
	"during" tstzrange NOT NULL,
	"guest" text COLLATE "POSIX" NOT NULL,
	"note" text COLLATE "C",
	EXCLUDE USING gist (room WITH =, during WITH &&),
	CONSTRAINT "no_overlap" EXCLUDE USING gist (room WITH =, during WITH &&) WHERE (NOT cancelled),
	CONSTRAINT "one_guest_name" EXCLUDE (lower(guest) WITH =) WHERE (room > 1),
	"cancelled" boolean DEFAULT false NOT NULL
);
CREATE TABLE scratch (
	"id" integer
);
CREATE UNLOGGED TABLE events (
	"id" bigint,
	"at" tstzrange,
	"kind" text COLLATE "C",
	CONSTRAINT "events_at_excl" EXCLUDE USING gist (at WITH &&)
);
