#include <gtest/gtest.h>

#include "catalog_text.hpp"
#include "test_util.hpp"

namespace flick::ddl {
namespace {

// One schema written the way drizzle-kit exports it and the way a person writes it: different
// quoting, keyword case, type aliases, inline vs out-of-line constraints, explicit casts and
// default orderings. Both must give the same catalog.
TEST(Equivalence, DrizzleAndHandWrittenStylesGiveEqualCatalogs) {
  std::string data = FLICK_DDL_DATA;
  model::Catalog drizzle = read_schema_files({data + "/style_drizzle.sql"});
  model::Catalog handwritten = read_schema_files({data + "/style_handwritten.sql"});
  EXPECT_EQ(testing::catalog_text(drizzle), testing::catalog_text(handwritten));
  EXPECT_TRUE(drizzle == handwritten);
  EXPECT_EQ(drizzle.tables.size(), 3u);
}

TEST(Equivalence, ExpressionSpellingDoesNotMatter) {
  model::Catalog a = read_schema_sql(
      "CREATE TABLE t (a int CONSTRAINT c CHECK ((a > 0) AND (a < 10)), b text DEFAULT "
      "LOWER('X'));",
      "a.sql");
  model::Catalog b = read_schema_sql(
      "create table t (a integer, b text default lower( 'X' ), constraint c check (a>0 and "
      "a<10));",
      "b.sql");
  EXPECT_EQ(testing::catalog_text(a), testing::catalog_text(b));
  EXPECT_TRUE(a == b);
}

TEST(Equivalence, DifferentSchemasDiffer) {
  model::Catalog a = read_schema_sql("CREATE TABLE t (a int DEFAULT 1);", "a.sql");
  model::Catalog b = read_schema_sql("CREATE TABLE t (a int DEFAULT 2);", "b.sql");
  EXPECT_FALSE(a == b);
}

}  // namespace
}  // namespace flick::ddl
