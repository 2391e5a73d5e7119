#include "docs/change_words.hpp"

#include <gtest/gtest.h>

#include "ddl/ddl.hpp"
#include "diff/diff.hpp"

namespace flick::docs {
namespace {

std::vector<std::string> describe_diff(const std::string& from_sql, const std::string& to_sql,
                                       diff::Options options = {}) {
  model::Catalog from = ddl::read_schema_sql(from_sql, "from.sql");
  model::Catalog to = ddl::read_schema_sql(to_sql, "to.sql");
  std::vector<std::string> sentences;
  for (const diff::Change& change : diff::diff(from, to, options).changes) {
    sentences.push_back(describe(change));
  }
  return sentences;
}

TEST(ChangeWords, TablesColumnsAndIndexes) {
  EXPECT_EQ(describe_diff(R"(CREATE TABLE "users" ("id" integer PRIMARY KEY, "nick" text);)",
                          R"(CREATE SCHEMA "audit";
CREATE TABLE "users" ("id" integer PRIMARY KEY, "nick" text NOT NULL, "email" text DEFAULT 'x' NOT NULL);
CREATE TABLE "audit"."events" ("id" integer, "user_id" integer REFERENCES "users"("id") ON DELETE cascade);
CREATE UNIQUE INDEX "users_email_idx" ON "users" ("email") WHERE "email" <> '';)"),
            (std::vector<std::string>{
                "Created schema `audit`.",
                "Created table `audit.events` with 2 columns: `id`, `user_id`.",
                "Made `users.nick` NOT NULL.",
                "Added column `email` (`text`, not null, default `'x'`) to `users`.",
                "Added foreign key `events_user_id_fkey` from `audit.events` (`user_id`) to "
                "`users` (`id`), on delete cascade.",
                "Created unique index `users_email_idx` on `users` (`email`) where `email <> ''`.",
            }));
}

TEST(ChangeWords, RenamesFromHintsAndEnums) {
  diff::Options options;
  options.renames.push_back(diff::parse_rename_hint("column:users.nick=handle"));
  EXPECT_EQ(describe_diff(R"(CREATE TYPE "mood" AS ENUM ('sad');
CREATE TABLE "users" ("nick" text);)",
                          R"(CREATE TYPE "mood" AS ENUM ('sad', 'happy');
CREATE TABLE "users" ("handle" text);)",
                          options),
            (std::vector<std::string>{
                "Added value `happy` to enum `mood`.",
                "Renamed column `nick` of `users` to `handle`.",
            }));
}

TEST(ChangeWords, DropsAndComments) {
  EXPECT_EQ(describe_diff(R"(CREATE TABLE "a" ("x" integer DEFAULT 1, "y" integer);
CREATE TABLE "gone" ("id" integer);)",
                          R"(CREATE TABLE "a" ("x" integer);
COMMENT ON COLUMN "a"."x" IS 'the *x*';)"),
            (std::vector<std::string>{
                "Dropped table `gone`.",
                "Dropped the default of `a.x`.",
                "Dropped column `y` from `a`.",
                "Set the comment of `a.x`: the \\*x\\*.",
            }));
}

}  // namespace
}  // namespace flick::docs
