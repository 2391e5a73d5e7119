#include <gtest/gtest.h>

#include "test_util.hpp"

namespace flick::ddl {
namespace {

using testing::column_of;
using testing::table_of;

// The statements and the names below come from PostgreSQL 15.20: the same DDL was run on a
// real server and the names read back from pg_constraint and pg_class.
TEST(ImplicitNames, MatchPostgreSql) {
  model::Catalog catalog = read_schema_sql(
      "CREATE TABLE t1 (a int PRIMARY KEY, b int UNIQUE, c int CHECK (c > 0), d int REFERENCES "
      "t1, e int CHECK (e > a), f serial, g int GENERATED ALWAYS AS IDENTITY, UNIQUE (b, c), "
      "CHECK (b > 0), CHECK (b > c), CHECK (b < 100), FOREIGN KEY (b, c) REFERENCES t1 (b, c));"
      "CREATE INDEX ON t1 (b);"
      "CREATE INDEX ON t1 (b);"
      "CREATE INDEX ON t1 (lower(b::text));"
      "CREATE INDEX ON t1 ((b + c), (c * 2));"
      "CREATE INDEX ON t1 (b) INCLUDE (c);"
      "CREATE INDEX ON t1 ((b::text));"
      "CREATE INDEX ON t1 (coalesce(b, 0), coalesce(c, 0));"
      "CREATE UNIQUE INDEX ON t1 (c);"
      "CREATE TABLE \"Tbl\" (\"Col\" int PRIMARY KEY, \"Other\" int REFERENCES \"Tbl\");"
      "CREATE TABLE t3 (a int, b int, PRIMARY KEY (a, b), CHECK (a > 0 AND b > 0));"
      "ALTER TABLE t3 ADD CHECK (a < 10);"
      "ALTER TABLE t3 ADD UNIQUE (b);"
      "ALTER TABLE t3 ADD FOREIGN KEY (a) REFERENCES t1;",
      "names.sql");
  const model::Table& t1 = table_of(catalog, "t1");
  std::vector<std::string> uniques, foreign_keys, checks, indexes;
  for (const auto& u : t1.uniques) uniques.push_back(u.name);
  for (const auto& f : t1.foreign_keys) foreign_keys.push_back(f.name);
  for (const auto& c : t1.checks) checks.push_back(c.name);
  for (const auto& i : t1.indexes) indexes.push_back(i.name);
  EXPECT_EQ(uniques, (std::vector<std::string>{"t1_b_key", "t1_b_c_key"}));
  EXPECT_EQ(foreign_keys, (std::vector<std::string>{"t1_d_fkey", "t1_b_c_fkey"}));
  EXPECT_EQ(checks, (std::vector<std::string>{"t1_c_check", "t1_check", "t1_b_check", "t1_check1",
                                              "t1_b_check1"}));
  EXPECT_EQ(indexes, (std::vector<std::string>{"t1_b_idx", "t1_b_idx1", "t1_lower_idx",
                                               "t1_expr_expr1_idx", "t1_b_c_idx", "t1_b_idx2",
                                               "t1_coalesce_coalesce1_idx", "t1_c_idx"}));
  EXPECT_EQ(column_of(t1, "g").identity->sequence_name, "t1_g_seq");

  EXPECT_EQ(table_of(catalog, "Tbl").foreign_keys[0].name, "Tbl_Other_fkey");
  const model::Table& t3 = table_of(catalog, "t3");
  EXPECT_EQ(t3.checks[0].name, "t3_check");
  EXPECT_EQ(t3.checks[1].name, "t3_a_check");
  EXPECT_EQ(t3.uniques[0].name, "t3_b_key");
  EXPECT_EQ(t3.foreign_keys[0].name, "t3_a_fkey");
}

TEST(ImplicitNames, LongNamesAreTruncatedLikePostgreSql) {
  model::Catalog catalog = read_schema_sql(
      "CREATE TABLE this_is_a_very_long_table_name_that_goes_on_and_on_and_on_forever ("
      "this_is_a_very_long_column_name_that_is_also_really_long_indeed int GENERATED ALWAYS AS "
      "IDENTITY, x int UNIQUE, y int CHECK (y > 0));"
      "CREATE INDEX ON this_is_a_very_long_table_name_that_goes_on_and_on_and_on_forever "
      "(this_is_a_very_long_column_name_that_is_also_really_long_indeed, x);",
      "long.sql");
  // Identifiers longer than 63 bytes are truncated by the parser, as by PostgreSQL.
  const model::Table& t =
      table_of(catalog, "this_is_a_very_long_table_name_that_goes_on_and_on_and_on_forev");
  EXPECT_EQ(t.uniques[0].name, "this_is_a_very_long_table_name_that_goes_on_and_on_and_on_x_key");
  EXPECT_EQ(t.checks[0].name, "this_is_a_very_long_table_name_that_goes_on_and_on_and__y_check");
  EXPECT_EQ(t.indexes[0].name, "this_is_a_very_long_table_nam_this_is_a_very_long_column_na_idx");
  EXPECT_EQ(t.columns[0].identity->sequence_name,
            "this_is_a_very_long_table_nam_this_is_a_very_long_column_na_seq");
}

TEST(ImplicitNames, AClashAddsDigitsAndKeepsTheChosenPrimaryKeyName) {
  model::Catalog catalog = read_schema_sql(
      "CREATE TABLE t2 (id int, CONSTRAINT t2_pkey CHECK (id > 0), PRIMARY KEY (id));",
      "clash.sql");
  const model::Table& t2 = table_of(catalog, "t2");
  EXPECT_EQ(t2.primary_key, (model::PrimaryKey{"t2_pkey1", {"id"}}));
  EXPECT_FALSE(column_of(t2, "id").primary_key);
}

}  // namespace
}  // namespace flick::ddl
