// The strongest replay test: for every golden case, replaying from.sql and then the migration
// Flick writes for it (expected.sql) gives the same catalog as reading to.sql.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "catalog_text.hpp"
#include "ddl/ddl.hpp"
#include "ddl/replay.hpp"
#include "diff/diff.hpp"
#include "flick/error.hpp"

namespace {

namespace fs = std::filesystem;

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(FLICK_GOLDEN_CASES)) {
    if (entry.is_directory() && fs::exists(entry.path() / "expected.sql")) {
      names.push_back(entry.path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

class ReplayGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(ReplayGolden, FromThenMigrationEqualsTo) {
  fs::path dir = fs::path(FLICK_GOLDEN_CASES) / GetParam();
  flick::ddl::Replayer replayer;
  try {
    replayer.apply(read_text(dir / "from.sql"), "from.sql");
    replayer.apply(read_text(dir / "expected.sql"), "expected.sql");
  } catch (const flick::UserError& error) {
    FAIL() << error.what();
  }
  flick::model::Catalog replayed = replayer.catalog();
  flick::model::Catalog wanted = flick::ddl::read_schema_sql(read_text(dir / "to.sql"), "to.sql");
  flick::model::normalise(wanted);  // as generate reads it (the replayer's catalog is)
  // Equality as generate sees it: no change between the two (declaration order aside).
  flick::diff::ChangeSet changes = flick::diff::diff(replayed, wanted, flick::diff::Options{});
  EXPECT_TRUE(changes.empty()) << changes.changes.size() << " changes; wanted:\n"
                               << flick::ddl::testing::catalog_text(wanted) << "replayed:\n"
                               << flick::ddl::testing::catalog_text(replayed);
}

INSTANTIATE_TEST_SUITE_P(Cases, ReplayGolden, ::testing::ValuesIn(case_names()),
                         [](const auto& info) { return info.param; });

}  // namespace
