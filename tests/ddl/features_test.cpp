#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "catalog_text.hpp"
#include "ddl/ddl.hpp"

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
// settings (search_path moves unqualified names), ownership and privileges (outside the model),
// and a sequence OWNED BY the integer column whose default is its nextval is that column's serial.
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
}

}  // namespace
}  // namespace flick::ddl
