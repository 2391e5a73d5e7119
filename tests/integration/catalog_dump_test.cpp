// catalog_dump: equal schemas give equal dumps whatever the history; every kind of difference
// shows up.

#include "support/catalog_dump.hpp"

#include <gtest/gtest.h>

#include "pg/pg.hpp"
#include "support/line_diff.hpp"
#include "support/test_cluster.hpp"

namespace flick::testing {
namespace {

constexpr const char* kSchema = R"sql(
CREATE SCHEMA "my app";
COMMENT ON SCHEMA "my app" IS 'application';
CREATE TYPE "my app".mood AS ENUM ('sad', 'ok', 'happy');
CREATE SEQUENCE public.counter AS integer START 10 INCREMENT 5 CACHE 2;
CREATE TABLE public.users (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email varchar(200) NOT NULL,
  mood "my app".mood DEFAULT 'ok',
  name text COLLATE "C",
  email_lower text GENERATED ALWAYS AS (lower(email)) STORED,
  CONSTRAINT users_email_key UNIQUE NULLS NOT DISTINCT (email),
  CONSTRAINT users_email_check CHECK (email <> '')
);
COMMENT ON COLUMN public.users.email IS 'login';
CREATE TABLE "my app"."Posts" (
  id bigserial PRIMARY KEY,
  author integer REFERENCES public.users (id) ON DELETE CASCADE,
  body text
);
CREATE INDEX posts_body_idx ON "my app"."Posts" USING gin (to_tsvector('english', body));
CREATE INDEX users_name_idx ON public.users (name DESC NULLS LAST) INCLUDE (email) WHERE id > 0;
ALTER TABLE public.users ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON public.users AS RESTRICTIVE FOR SELECT TO postgres USING (id > 0);
CREATE VIEW public.active AS SELECT id, email FROM public.users WHERE id > 0;
CREATE MATERIALIZED VIEW public.counts AS SELECT count(*) AS n FROM public.users;
)sql";

constexpr const char* kExpectedDump = R"(extension plpgsql in pg_catalog
schema "my app" comment 'application'
schema public comment 'standard public schema'
enum "my app".mood ('sad', 'ok', 'happy')
sequence "my app"."Posts_id_seq" as bigint start 1 increment 1 min 1 max 9223372036854775807 cache 1 no cycle owned by "my app"."Posts".id
sequence public.counter as integer start 10 increment 5 min 1 max 2147483647 cache 2 no cycle
sequence public.users_id_seq as integer start 1 increment 1 min 1 max 2147483647 cache 1 no cycle owned by public.users.id (identity)
table "my app"."Posts" rls off
  column 1 id bigint not null default nextval('"my app"."Posts_id_seq"'::regclass)
  column 2 author integer
  column 3 body text
  constraint "Posts_author_fkey" FOREIGN KEY (author) REFERENCES users(id) ON DELETE CASCADE
  constraint "Posts_pkey" PRIMARY KEY (id)
  index "Posts_pkey": CREATE UNIQUE INDEX "Posts_pkey" ON "my app"."Posts" USING btree (id)
  index posts_body_idx: CREATE INDEX posts_body_idx ON "my app"."Posts" USING gin (to_tsvector('english'::regconfig, body))
table public.users rls on
  column 1 id integer not null generated always as identity
  column 2 email character varying(200) not null comment 'login'
  column 3 mood "my app".mood default 'ok'::"my app".mood
  column 4 name text collate pg_catalog."C"
  column 5 email_lower text generated always as (lower((email)::text)) stored
  constraint users_email_check CHECK (email::text <> ''::text)
  constraint users_email_key UNIQUE NULLS NOT DISTINCT (email)
  constraint users_pkey PRIMARY KEY (id)
  index users_email_key: CREATE UNIQUE INDEX users_email_key ON public.users USING btree (email) NULLS NOT DISTINCT
  index users_name_idx: CREATE INDEX users_name_idx ON public.users USING btree (name DESC NULLS LAST) INCLUDE (email) WHERE (id > 0)
  index users_pkey: CREATE UNIQUE INDEX users_pkey ON public.users USING btree (id)
  policy own as restrictive for select to postgres using ((id > 0))
view public.active as
       SELECT users.id,
          users.email
         FROM users
        WHERE users.id > 0
  column 1 id integer
  column 2 email character varying(200)
materialized view public.counts as
       SELECT count(*) AS n
         FROM users
  column 1 n bigint
)";

TEST(CatalogDump, ShowsEveryKindOfObject) {
  std::string url = create_database("dump_kinds");
  pg::Connection(url).exec(kSchema);
  EXPECT_TRUE(same_text("expected", kExpectedDump, "dump", catalog_dump(url)));
}

TEST(CatalogDump, IgnoresHistoryDroppedColumnsAndBookkeeping) {
  std::string direct = create_database("dump_direct");
  pg::Connection(direct).exec(
      "CREATE TABLE t (a int NOT NULL, c text DEFAULT 'x');"
      "CREATE INDEX t_c_idx ON t (c);");
  std::string evolved = create_database("dump_evolved");
  pg::Connection(evolved).exec(
      "CREATE SCHEMA drizzle;"
      "CREATE TABLE drizzle.__drizzle_migrations (id serial PRIMARY KEY, hash text);"
      "CREATE TABLE t (a int, b int);"
      "INSERT INTO t VALUES (1, 2);"
      "ALTER TABLE t DROP COLUMN b, ADD COLUMN c text;"
      "ALTER TABLE t ALTER COLUMN a SET NOT NULL, ALTER COLUMN c SET DEFAULT 'x';"
      "CREATE INDEX t_c_idx ON t (c);");
  EXPECT_TRUE(same_text("direct", catalog_dump(direct), "evolved", catalog_dump(evolved)));
}

TEST(CatalogDump, DetectsDifferences) {
  const char* base = "CREATE TYPE e AS ENUM ('a', 'b'); CREATE TABLE t (a int, b e);";
  const char* variants[] = {
      "CREATE TYPE e AS ENUM ('b', 'a'); CREATE TABLE t (a int, b e);",
      "CREATE TYPE e AS ENUM ('a', 'b'); CREATE TABLE t (b e, a int);",
      "CREATE TYPE e AS ENUM ('a', 'b'); CREATE TABLE t (a bigint, b e);",
      "CREATE TYPE e AS ENUM ('a', 'b'); CREATE TABLE t (a int NOT NULL, b e);",
      "CREATE TYPE e AS ENUM ('a', 'b'); CREATE TABLE t (a int DEFAULT 1, b e);",
      "CREATE TYPE e AS ENUM ('a', 'b'); CREATE TABLE t (a int CONSTRAINT c CHECK (a > 0), b e);",
      "CREATE TYPE e AS ENUM ('a', 'b'); CREATE TABLE t (a int, b e); CREATE INDEX i ON t (a);",
      "CREATE TYPE e AS ENUM ('a', 'b'); CREATE TABLE t (a int, b e); COMMENT ON TABLE t IS 'c';",
      "CREATE TYPE e AS ENUM ('a', 'b'); CREATE TABLE t (a int, b e);"
      "ALTER TABLE t ENABLE ROW LEVEL SECURITY;",
      "CREATE TYPE e AS ENUM ('a', 'b'); CREATE TABLE t (a int, b e); CREATE VIEW v AS SELECT 1;",
  };
  std::string base_url = create_database("dump_base");
  pg::Connection(base_url).exec(base);
  std::string base_dump = catalog_dump(base_url);
  for (const char* variant : variants) {
    std::string url = create_database("dump_variant");
    pg::Connection(url).exec(variant);
    EXPECT_NE(catalog_dump(url), base_dump) << variant;
  }
}

TEST(LineDiff, MarksRemovedAndAddedLinesWithContext) {
  EXPECT_EQ(line_diff("a\nb\n", "a\nb\n"), "");
  EXPECT_EQ(line_diff("1\n2\n3\n4\n5\n6\n7\n", "1\n2\n3\nX\n5\n6\n7\n"),
            "  ...\n  2\n  3\n- 4\n+ X\n  5\n  6\n  ...\n");
}

}  // namespace
}  // namespace flick::testing
