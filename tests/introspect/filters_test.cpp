// schemaFilter / tablesFilter, bookkeeping tables and extension objects left out, and what the
// model does not cover listed.

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>

#include "introspect/introspect.hpp"
#include "introspect/introspect_support.hpp"
#include "pg/pg.hpp"
#include "support/test_cluster.hpp"

namespace flick::testing {
namespace {

std::vector<std::string> table_names(const model::Catalog& catalog) {
  std::vector<std::string> names;
  for (const auto& table : catalog.tables) names.push_back(table.schema + "." + table.name);
  std::sort(names.begin(), names.end());
  return names;
}

TEST(Filters, GlobsWithExclusions) {
  EXPECT_TRUE(introspect::passes_filter({}, "anything"));
  EXPECT_TRUE(introspect::passes_filter({"user*"}, "users"));
  EXPECT_FALSE(introspect::passes_filter({"user*"}, "posts"));
  EXPECT_FALSE(introspect::passes_filter({"!secret_*"}, "secret_keys"));
  EXPECT_TRUE(introspect::passes_filter({"!secret_*"}, "posts"));
  EXPECT_FALSE(introspect::passes_filter({"*", "!tmp?"}, "tmp1"));
  EXPECT_TRUE(introspect::passes_filter({"app.*"}, "orders", "app.orders"));
  EXPECT_FALSE(introspect::passes_filter({"app.*"}, "orders", "public.orders"));
}

class FiltersOnDatabase : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    url_ = create_database("filters");
    apply_sql(url_,
              "CREATE SCHEMA app; CREATE SCHEMA drizzle;"
              "CREATE TABLE drizzle.__drizzle_migrations (id serial PRIMARY KEY, hash text);"
              "CREATE TABLE users (id integer PRIMARY KEY);"
              "CREATE TABLE secret_keys (id integer);"
              "CREATE TABLE app.orders (id integer);"
              "CREATE TYPE app.state AS ENUM ('a', 'b');"
              "CREATE EXTENSION IF NOT EXISTS pg_trgm;"
              "CREATE FUNCTION bump() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; "
              "END $$;"
              "CREATE TRIGGER users_bump BEFORE INSERT ON users FOR EACH ROW EXECUTE FUNCTION "
              "bump();");
  }
  static model::Catalog read(const introspect::Filters& filters,
                             std::vector<introspect::NotCovered>* not_covered = nullptr) {
    pg::Connection connection(url_);
    return introspect::read_catalog(connection, filters, not_covered);
  }
  static std::string url_;
};
std::string FiltersOnDatabase::url_;

TEST_F(FiltersOnDatabase, EverythingButBookkeepingAndExtensionMembers) {
  std::vector<introspect::NotCovered> not_covered;
  model::Catalog catalog = read({}, &not_covered);
  EXPECT_EQ(table_names(catalog),
            (std::vector<std::string>{"app.orders", "public.secret_keys", "public.users"}));
  EXPECT_EQ(catalog.schemas, std::vector<std::string>{"app"});
  ASSERT_EQ(catalog.enums.size(), 1u);
  EXPECT_EQ(catalog.enums[0].values, (std::vector<std::string>{"a", "b"}));
  // The extension, the function and the trigger are in the model now; pg_trgm's own functions
  // and types are the extension's, neither modelled nor listed.
  ASSERT_EQ(catalog.extensions.size(), 1u);
  EXPECT_EQ(catalog.extensions[0].name, "pg_trgm");
  ASSERT_EQ(catalog.functions.size(), 1u);
  EXPECT_EQ(catalog.functions[0].name, "bump");
  EXPECT_EQ(catalog.find_table("public", "users")->triggers.size(), 1u);
  for (const auto& item : not_covered) {
    EXPECT_NE(item.kind, "extension") << item.name;
    EXPECT_NE(item.kind, "function") << item.name;
    EXPECT_NE(item.kind, "trigger") << item.name;
  }
  for (const auto& item : not_covered) {
    EXPECT_EQ(item.name.find("similarity"), std::string::npos) << item.kind << " " << item.name;
  }
}

TEST_F(FiltersOnDatabase, SchemaAndTableFilters) {
  model::Catalog catalog = read({{"public"}, {"!secret_*"}, "drizzle", "__drizzle_migrations"});
  EXPECT_EQ(table_names(catalog), std::vector<std::string>{"public.users"});
  EXPECT_TRUE(catalog.schemas.empty());
  EXPECT_TRUE(catalog.enums.empty());
  model::Catalog app = read({{"app"}, {}, "drizzle", "__drizzle_migrations"});
  EXPECT_EQ(table_names(app), std::vector<std::string>{"app.orders"});
}

TEST_F(FiltersOnDatabase, BookkeepingSchemaKeptWhenItHoldsMore) {
  apply_sql(url_, "CREATE TABLE drizzle.other (id integer)");
  model::Catalog catalog = read({});
  EXPECT_NE(std::find(catalog.schemas.begin(), catalog.schemas.end(), "drizzle"),
            catalog.schemas.end());
  apply_sql(url_, "DROP TABLE drizzle.other");
}

// kan's fuzzy search (20251001220136_AddFuzzySearchSupport.sql): a GIN index with gin_trgm_ops
// on a varchar column. The index stores integers (the operator class's storage type), so its
// collation is not its attribute type's; it is the column's, and no COLLATE of its own. Only the
// keys with a COLLATE that differs from what the key has anyway are listed.
TEST_F(FiltersOnDatabase, IndexCollationListedOnlyWhenTheIndexSaysCollate) {
  apply_sql(url_,
            "CREATE TABLE boards (name varchar(255), title text COLLATE \"C\");"
            "CREATE INDEX boards_name_trgm ON boards USING gin (name gin_trgm_ops);"
            "CREATE INDEX boards_lower_trgm ON boards USING gin (lower(name) gin_trgm_ops);"
            "CREATE INDEX boards_title ON boards (title);"
            "CREATE INDEX boards_name_c ON boards (name COLLATE \"C\");"
            "CREATE INDEX boards_lower_c ON boards (lower(name) COLLATE \"C\");"
            "CREATE INDEX boards_lower_c_trgm ON boards USING gin "
            "((lower(name) COLLATE \"C\") gin_trgm_ops);");
  std::vector<introspect::NotCovered> not_covered;
  model::Catalog catalog = read({}, &not_covered);
  apply_sql(url_, "DROP TABLE boards");
  std::vector<std::string> listed;
  for (const auto& item : not_covered) {
    if (item.kind == "index collation") listed.push_back(item.name);
  }
  std::sort(listed.begin(), listed.end());
  EXPECT_EQ(listed, (std::vector<std::string>{"public.boards.boards_lower_c",
                                              "public.boards.boards_lower_c_trgm",
                                              "public.boards.boards_name_c"}));
  const model::Table* boards = catalog.find_table("public", "boards");
  ASSERT_NE(boards, nullptr);
  EXPECT_EQ(boards->indexes.size(), 6u);
}

// Key columns are named from the columns read (by attribute number, so dropped columns and a key
// in other than the table's order must not shift them); a foreign key to a table the filters
// leave out names its referenced columns by a lookup of its own.
class KeysAcrossFilters : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    url_ = create_database("keys_across_filters");
    apply_sql(url_,
              "CREATE TABLE parents (a integer, gone integer, b text, PRIMARY KEY (b, a));"
              "ALTER TABLE parents DROP COLUMN gone;"
              "CREATE TABLE children (x integer, lost integer, pb text, pa integer,"
              " CONSTRAINT children_parent FOREIGN KEY (pb, pa) REFERENCES parents (b, a),"
              " CONSTRAINT children_once UNIQUE (pa, x));"
              "ALTER TABLE children DROP COLUMN lost;"
              "COMMENT ON COLUMN children.pa IS 'the parent''s a';"
              "COMMENT ON COLUMN parents.b IS 'left out with its table';");
  }
  static model::Catalog read(const introspect::Filters& filters, bool second_connection,
                             std::vector<introspect::NotCovered>* not_covered = nullptr) {
    return read_database(url_, filters, second_connection, not_covered);
  }
  static std::string url_;
};
std::string KeysAcrossFilters::url_;

TEST_F(KeysAcrossFilters, KeysNamedInTheirOrder) {
  for (bool second_connection : {false, true}) {
    model::Catalog catalog = read({}, second_connection);
    const model::Table* parents = catalog.find_table("public", "parents");
    const model::Table* children = catalog.find_table("public", "children");
    ASSERT_NE(parents, nullptr);
    ASSERT_NE(children, nullptr);
    ASSERT_TRUE(parents->primary_key.has_value());
    EXPECT_EQ(parents->primary_key->columns, (std::vector<std::string>{"b", "a"}));
    ASSERT_EQ(children->foreign_keys.size(), 1u);
    EXPECT_EQ(children->foreign_keys[0].columns, (std::vector<std::string>{"pb", "pa"}));
    EXPECT_EQ(children->foreign_keys[0].ref_columns, (std::vector<std::string>{"b", "a"}));
    ASSERT_EQ(children->uniques.size(), 1u);
    EXPECT_EQ(children->uniques[0].columns, (std::vector<std::string>{"pa", "x"}));
    ASSERT_EQ(children->columns.size(), 3u);
    EXPECT_EQ(children->columns[2].name, "pa");
    EXPECT_EQ(children->columns[2].comment, std::optional<std::string>("the parent's a"));
    EXPECT_EQ(children->columns[1].comment, std::nullopt);
    EXPECT_EQ(parents->columns[1].comment, std::optional<std::string>("left out with its table"));
  }
}

TEST_F(KeysAcrossFilters, ForeignKeyToATableLeftOut) {
  for (bool second_connection : {false, true}) {
    std::vector<introspect::NotCovered> not_covered;
    model::Catalog catalog = read({{}, {"children"}, "drizzle", "__drizzle_migrations"},
                                  second_connection, &not_covered);
    EXPECT_EQ(table_names(catalog), std::vector<std::string>{"public.children"});
    const model::Table* children = catalog.find_table("public", "children");
    ASSERT_NE(children, nullptr);
    ASSERT_EQ(children->foreign_keys.size(), 1u);
    EXPECT_EQ(children->foreign_keys[0].ref_table, "parents");
    EXPECT_EQ(children->foreign_keys[0].ref_columns, (std::vector<std::string>{"b", "a"}));
    EXPECT_NE(std::find(not_covered.begin(), not_covered.end(),
                        introspect::NotCovered{"foreign key to a table left out by the filters",
                                               "public.children.children_parent"}),
              not_covered.end());
  }
}

}  // namespace
}  // namespace flick::testing
