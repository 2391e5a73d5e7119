#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "catalog_text.hpp"
#include "ddl/ddl.hpp"
#include "test_util.hpp"

namespace flick::ddl {
namespace {

std::string file_text(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// all_features.sql exercises every supported statement and clause; the expected catalog was
// checked against what PostgreSQL 15 creates from the same file (constraint, index and
// sequence names included).
TEST(AllFeatures, CatalogMatchesGolden) {
  std::string data = FLICK_DDL_DATA;
  model::Catalog catalog = read_schema_files({data + "/all_features.sql"});
  EXPECT_EQ(testing::catalog_text(catalog), file_text(data + "/all_features.expected"));
}

TEST(AllFeatures, ReadingIsDeterministicAndNormalised) {
  std::string data = FLICK_DDL_DATA;
  model::Catalog first = read_schema_files({data + "/all_features.sql"});
  model::Catalog second = read_schema_files({data + "/all_features.sql"});
  EXPECT_EQ(first, second);
  model::Catalog normalised = first;
  model::normalise(normalised);
  EXPECT_EQ(normalised, first);
}

// What a pg_dump --schema-only file wraps its DDL in is read: psql's \restrict lines, session
// settings (search_path moves unqualified names), ownership and privileges (kept as entries that
// count when privileges are managed; a serial's sequence follows its table's owner), and a
// sequence OWNED BY the integer column whose default is its nextval is that column's serial.
TEST(DumpFiles, SessionSettingsOwnershipAndOwnedSequences) {
  model::Catalog catalog = read_schema_sql(
      "\\restrict AbC123\n"
      "SET statement_timeout = 0;\n"
      "SELECT pg_catalog.set_config('search_path', '', false);\n"
      "CREATE SCHEMA app;\n"
      "ALTER SCHEMA app OWNER TO someone;\n"
      "SET search_path = app, public;\n"
      "CREATE TABLE t (id integer NOT NULL, n bigint NOT NULL);\n"
      "RESET search_path;\n"
      "CREATE TABLE u (id integer);\n"
      "CREATE SEQUENCE app.t_id_seq AS integer START WITH 1 INCREMENT BY 1 NO MINVALUE NO "
      "MAXVALUE CACHE 1;\n"
      "ALTER SEQUENCE app.t_id_seq OWNER TO someone;\n"
      "ALTER SEQUENCE app.t_id_seq OWNED BY app.t.id;\n"
      "ALTER TABLE ONLY app.t ALTER COLUMN id SET DEFAULT nextval('app.t_id_seq'::regclass);\n"
      "CREATE SEQUENCE app.kept START 5;\n"
      "ALTER SEQUENCE app.kept OWNED BY app.t.n;\n"
      "ALTER TABLE app.t OWNER TO someone;\n"
      "ALTER TABLE app.kept OWNER TO someone;\n"
      "GRANT SELECT ON app.t TO PUBLIC;\n"
      "COMMENT ON EXTENSION plpgsql IS 'x';\n"
      "\\unrestrict AbC123\n",
      "dump.sql");
  const model::Table* t = catalog.find_table("app", "t");
  ASSERT_NE(t, nullptr) << "SET search_path = app put t in app";
  EXPECT_NE(catalog.find_table("public", "u"), nullptr) << "RESET search_path: back to public";
  EXPECT_EQ(catalog.find_table("public", "t"), nullptr);
  EXPECT_EQ(t->columns[0].type, "serial");
  EXPECT_FALSE(t->columns[0].default_expr.has_value());
  EXPECT_EQ(t->columns[1].type, "bigint") << "OWNED BY alone does not make a serial";
  ASSERT_EQ(catalog.sequences.size(), 1u);
  EXPECT_EQ(catalog.sequences[0].name, "kept");
  EXPECT_EQ(catalog.sequences[0].options.start_with, "5");
  std::vector<model::Owner> owners = {{"schema", "app", "", "", "someone"},
                                      {"sequence", "app", "kept", "", "someone"},
                                      {"table", "app", "t", "", "someone"}};
  EXPECT_EQ(catalog.owners, owners) << "no entry for app.t_id_seq: it follows app.t";
}

// ALTER ... OWNER TO of every kind the model holds, CREATE SCHEMA ... AUTHORIZATION, the last
// entry winning, CURRENT_USER as no opinion; mistakes name the object.
TEST(DumpFiles, OwnersOfEveryKind) {
  model::Catalog catalog = read_schema_sql(
      "CREATE SCHEMA AUTHORIZATION app_owner;\n"
      "CREATE SCHEMA billing AUTHORIZATION finance;\n"
      "CREATE TYPE app_owner.mood AS ENUM ('a');\n"
      "CREATE DOMAIN app_owner.email AS text;\n"
      "CREATE TABLE app_owner.t (id integer);\n"
      "CREATE VIEW app_owner.v AS SELECT id FROM app_owner.t;\n"
      "CREATE MATERIALIZED VIEW app_owner.m AS SELECT id FROM app_owner.t;\n"
      "CREATE FUNCTION app_owner.f(x integer) RETURNS integer LANGUAGE sql AS 'SELECT x';\n"
      "CREATE AGGREGATE app_owner.total(integer) (SFUNC = int4pl, STYPE = integer);\n"
      "ALTER TYPE app_owner.mood OWNER TO finance;\n"
      "ALTER DOMAIN app_owner.email OWNER TO finance;\n"
      "ALTER VIEW app_owner.v OWNER TO finance;\n"
      "ALTER MATERIALIZED VIEW app_owner.m OWNER TO finance;\n"
      "ALTER FUNCTION app_owner.f(integer) OWNER TO finance;\n"
      "ALTER AGGREGATE app_owner.total(integer) OWNER TO finance;\n"
      "ALTER TABLE app_owner.t OWNER TO finance;\n"
      "ALTER TABLE app_owner.t OWNER TO reporting;\n"
      "ALTER SCHEMA billing OWNER TO CURRENT_USER;\n"
      "ALTER COLLATION \"C\" OWNER TO finance;\n",
      "schema.sql");
  std::vector<model::Owner> owners = {
      {"routine", "app_owner", "f", "integer", "finance"},
      {"routine", "app_owner", "total", "integer", "finance"},
      {"schema", "app_owner", "", "", "app_owner"},
      {"table", "app_owner", "m", "", "finance"},
      {"table", "app_owner", "t", "", "reporting"},
      {"table", "app_owner", "v", "", "finance"},
      {"type", "app_owner", "email", "", "finance"},
      {"type", "app_owner", "mood", "", "finance"},
  };
  EXPECT_EQ(catalog.owners, owners);
  EXPECT_EQ(testing::read_error("CREATE TABLE t (id int);\nALTER TABLE t OWNER TO PUBLIC;"),
            "schema.sql:2:24: PUBLIC cannot own an object: name a role");
  EXPECT_EQ(testing::read_error("ALTER TABLE nope OWNER TO x;"),
            "schema.sql:1:13: OWNER TO names relation \"public\".\"nope\", which is not created "
            "(yet)");
  EXPECT_EQ(testing::read_error("ALTER TYPE nope OWNER TO x;"),
            "schema.sql:1:1: OWNER TO names type \"public\".\"nope\", which is not created (yet)");
}

}  // namespace
}  // namespace flick::ddl
