CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE sessions (
	"token" text PRIMARY KEY NOT NULL,
	"data" jsonb
);
CREATE TABLE bookings (
	"id" integer PRIMARY KEY NOT NULL,
	"room" integer NOT NULL,
	"during" tstzrange NOT NULL,
	"guest" text COLLATE "C" NOT NULL,
	"note" text,
	CONSTRAINT "no_overlap" EXCLUDE USING gist (room WITH =, during WITH &&),
	CONSTRAINT "one_guest_name" EXCLUDE (lower(guest) WITH =) WHERE (room > 0)
);
CREATE UNLOGGED TABLE scratch (
	"id" integer
);
