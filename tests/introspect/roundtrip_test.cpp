// diff(read_schema_files(x), read_catalog(database with x applied)) is empty, for every golden
// case's to.sql, the Flick example schema, each evolution step, the Flick head schema fixture
// and a 1000-table synthetic schema.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "ddl/ddl.hpp"
#include "flick/error.hpp"
#include "introspect/introspect_support.hpp"
#include "support/test_cluster.hpp"
#include "synthetic_schema.hpp"
#include "write_sql.hpp"

namespace flick::testing {
namespace {

namespace fs = std::filesystem;

const fs::path kSource = FLICK_SOURCE_DIR;

std::string database_name(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) {
    return std::isalnum(c) ? static_cast<char>(std::tolower(c)) : '_';
  });
  return "rt_" + name;
}

// Applies the files to a fresh database and expects introspection to read back the same catalog.
void expect_round_trip(const std::string& name, const std::vector<fs::path>& files) {
  model::Catalog wanted = ddl::read_schema_files(files);
  std::string url = create_database(database_name(name));
  apply_files(url, files);
  model::Catalog live = live_catalog(url, wanted);
  EXPECT_EQ(differences(live, wanted), "") << name << ": statements turning the live database "
                                           << "into the files";
  EXPECT_EQ(differences(wanted, live), "") << name << ": the other way";
}

std::vector<std::string> golden_cases() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kSource / "tests/golden/cases")) {
    if (!fs::exists(entry.path() / "error")) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class GoldenRoundTrip : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenRoundTrip, ToSqlReadsBackEqual) {
  expect_round_trip("golden_" + GetParam(),
                    {kSource / "tests/golden/cases" / GetParam() / "to.sql"});
}

// The golden SQL runs on PostgreSQL 15: from.sql (with data.sql's rows), then expected.sql, gives
// the schema to.sql builds from nothing (compared as the migrator compares, both ways), and
// check.sql, when present, finds the rows kept.
TEST_P(GoldenRoundTrip, ExpectedSqlRunsAndReachesToSql) {
  fs::path dir = kSource / "tests/golden/cases" / GetParam();
  std::vector<fs::path> migrated_files = {dir / "from.sql"};
  if (fs::exists(dir / "data.sql")) migrated_files.push_back(dir / "data.sql");
  migrated_files.push_back(dir / "expected.sql");
  if (fs::exists(dir / "check.sql")) migrated_files.push_back(dir / "check.sql");
  std::string migrated = create_database(database_name("gm_" + GetParam()));
  ASSERT_NO_THROW(apply_files(migrated, migrated_files)) << GetParam();
  model::Catalog wanted = ddl::read_schema_files({dir / "to.sql"});
  model::Catalog live = live_catalog(migrated, wanted);
  EXPECT_EQ(differences(live, wanted), "") << GetParam() << ": what the migrated database lacks";
  EXPECT_EQ(differences(wanted, live), "") << GetParam() << ": the other way";
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenRoundTrip, ::testing::ValuesIn(golden_cases()),
                         [](const auto& info) { return info.param; });

class EvolutionRoundTrip : public ::testing::TestWithParam<std::string> {};

TEST_P(EvolutionRoundTrip, StepReadsBackEqual) {
  expect_round_trip("evolution_" + GetParam(),
                    sql_files(kSource / "tests/data/evolution" / GetParam()));
}

std::vector<std::string> evolution_steps() {
  std::vector<std::string> steps;
  for (const auto& entry : fs::directory_iterator(kSource / "tests/data/evolution")) {
    if (entry.is_directory()) steps.push_back(entry.path().filename().string());
  }
  std::sort(steps.begin(), steps.end());
  return steps;
}

INSTANTIATE_TEST_SUITE_P(Steps, EvolutionRoundTrip, ::testing::ValuesIn(evolution_steps()),
                         [](const auto& info) { return info.param; });

TEST(RoundTrip, FlickExampleSchema) {
  expect_round_trip("flick_example", sql_files(kSource / "examples/flick/schema"));
}

TEST(RoundTrip, FlickHeadFixture) {
  fs::path fixture = kSource / "../shared/fixtures/flick-schema-head.sql";
  if (!fs::exists(fixture)) GTEST_SKIP() << fixture << " is absent";
  expect_round_trip("flick_head", {fixture});
}

TEST(RoundTrip, SyntheticThousandTables) {
  fs::path dir = fs::temp_directory_path() / "flick_introspect_synth1000";
  fs::remove_all(dir);
  fs::create_directories(dir);
  bench::write_sql(bench::make_synthetic_schema(1000), dir, 100);
  expect_round_trip("synth1000", sql_files(dir));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace flick::testing
