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

}  // namespace
}  // namespace flick::ddl
