#include "store/migration_name.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "flick/error.hpp"

namespace flick::store {
namespace {

TEST(PrefixMode, ParsesDrizzleKitSpellings) {
  EXPECT_EQ(parse_prefix_mode("index", "--prefix"), PrefixMode::kIndex);
  EXPECT_EQ(parse_prefix_mode("timestamp", "--prefix"), PrefixMode::kTimestamp);
  EXPECT_EQ(parse_prefix_mode("supabase", "--prefix"), PrefixMode::kTimestamp);
  EXPECT_EQ(parse_prefix_mode("unix", "--prefix"), PrefixMode::kUnix);
  EXPECT_EQ(parse_prefix_mode("none", "--prefix"), PrefixMode::kNone);
  try {
    parse_prefix_mode("daily", "flick.toml:4: migrations.prefix");
    ADD_FAILURE();
  } catch (const UserError& error) {
    EXPECT_NE(std::string(error.what()).find("flick.toml:4: migrations.prefix"), std::string::npos);
    EXPECT_NE(std::string(error.what()).find("daily"), std::string::npos);
  }
}

TEST(MigrationPrefix, FormatsLikeDrizzleKit) {
  EXPECT_EQ(migration_prefix(PrefixMode::kIndex, 7, 0), "0007");
  EXPECT_EQ(migration_prefix(PrefixMode::kIndex, 12345, 0), "12345");
  EXPECT_EQ(migration_prefix(PrefixMode::kTimestamp, 0, 1700000000999), "20231114221320");
  EXPECT_EQ(migration_prefix(PrefixMode::kUnix, 0, 1700000000999), "1700000000");
  EXPECT_EQ(migration_prefix(PrefixMode::kNone, 3, 1700000000999), "");
}

TEST(RandomMigrationName, IsTwoLowerCaseWordsAndVaries) {
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    std::string name = random_migration_name();
    EXPECT_TRUE(std::regex_match(name, std::regex("[a-z]+_[a-z]+"))) << name;
    seen.insert(name);
  }
  EXPECT_GT(seen.size(), 10u);
}

}  // namespace
}  // namespace flick::store
