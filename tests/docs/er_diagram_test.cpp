#include "docs/er_diagram.hpp"

#include <gtest/gtest.h>

#include "ddl/ddl.hpp"
#include "docs/schema_facts.hpp"

namespace flick::docs {
namespace {

TEST(ErDiagram, EntitiesKeysAndCardinalities) {
  model::Catalog catalog = ddl::read_schema_sql(R"(
CREATE SCHEMA "auth";
CREATE TABLE "users" ("id" integer PRIMARY KEY, "email" text NOT NULL UNIQUE);
CREATE TABLE "profiles" ("user_id" integer PRIMARY KEY REFERENCES "users"("id"),
                         "born" timestamp (3) with time zone, "money" numeric(10, 2));
CREATE TABLE "auth"."sessions" ("id" text PRIMARY KEY, "user_id" integer REFERENCES "users"("id"));
)",
                                                "schema.sql");
  EXPECT_EQ(er_diagram(sorted_tables(catalog)),
            "erDiagram\n"
            "  \"auth.sessions\" {\n"
            "    text id PK\n"
            "    integer user_id FK\n"
            "  }\n"
            "  \"profiles\" {\n"
            "    integer user_id PK, FK\n"
            "    timestamp(3)_with_time_zone born\n"
            "    numeric(10,2) money\n"
            "  }\n"
            "  \"users\" {\n"
            "    integer id PK\n"
            "    text email UK\n"
            "  }\n"
            "  \"users\" |o--o{ \"auth.sessions\" : \"user_id\"\n"
            "  \"users\" ||--o| \"profiles\" : \"user_id\"\n");
}

TEST(ErDiagram, ParentsOutsideTheSetStillGetARelationship) {
  model::Catalog catalog = ddl::read_schema_sql(R"(
CREATE SCHEMA "auth";
CREATE TABLE "users" ("id" integer PRIMARY KEY);
CREATE TABLE "auth"."sessions" ("user_id" integer NOT NULL REFERENCES "users"("id"));
)",
                                                "schema.sql");
  std::vector<const model::Table*> auth_only = {catalog.find_table("auth", "sessions")};
  EXPECT_EQ(er_diagram(auth_only),
            "erDiagram\n"
            "  \"auth.sessions\" {\n"
            "    integer user_id FK\n"
            "  }\n"
            "  \"users\" ||--o{ \"auth.sessions\" : \"user_id\"\n");
}

}  // namespace
}  // namespace flick::docs
