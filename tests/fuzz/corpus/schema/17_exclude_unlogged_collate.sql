CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE UNLOGGED TABLE bookings (
  room int NOT NULL,
  during tsrange NOT NULL,
  label text COLLATE "C",
  EXCLUDE USING gist (room WITH =, during WITH &&)
);
