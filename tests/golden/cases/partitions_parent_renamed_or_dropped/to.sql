-- regions renamed: its partition follows without a detach and an attach.
CREATE TABLE areas (
	"code" text NOT NULL,
	"n" integer
) PARTITION BY LIST ("code");
CREATE TABLE regions_eu PARTITION OF areas FOR VALUES IN ('de', 'fr');
-- buckets dropped, one of its partitions kept as a table of its own: detached first.
CREATE TABLE buckets_0 (
	"id" integer NOT NULL
);
