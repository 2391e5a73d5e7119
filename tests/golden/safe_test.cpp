// generate --safe: each case under safe/ holds from.sql, to.sql, expected.sql (the first
// migration) and, when index builds go to a migration of their own, expected_concurrent.sql.
// Besides the exact text: replaying from.sql and the migrations gives to.sql's schema (and the
// first one alone the schema safe output promises in between), and flick lint finds none of
// its locking rules in them.

#include "emit/safe.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "ddl/ddl.hpp"
#include "ddl/replay.hpp"
#include "diff/diff.hpp"
#include "flick/error.hpp"
#include "lint/lint.hpp"

namespace {

namespace fs = std::filesystem;

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string join(const std::vector<std::string>& statements) {
  std::string text;
  for (std::size_t i = 0; i < statements.size(); ++i) {
    if (i > 0) text += "--> statement-breakpoint\n";
    text += statements[i];
  }
  return text;
}

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(FLICK_GOLDEN_SAFE_CASES)) {
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

bool same(const flick::model::Catalog& a, const flick::model::Catalog& b) {
  return flick::diff::diff(a, b, flick::diff::Options{}).empty();
}

class SafeGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(SafeGolden, LockFriendlyMigrations) {
  fs::path dir = fs::path(FLICK_GOLDEN_SAFE_CASES) / GetParam();
  std::string from_sql = read_text(dir / "from.sql");
  flick::model::Catalog from = flick::ddl::read_schema_sql(from_sql, "from.sql");
  flick::model::Catalog to = flick::ddl::read_schema_sql(read_text(dir / "to.sql"), "to.sql");
  flick::diff::ChangeSet changes = flick::diff::diff(from, to, flick::diff::Options{});
  flick::emit::SafeStatements safe = flick::emit::safe_sql_statements(changes, from);
  std::string first = join(safe.statements);
  std::string concurrent = join(safe.concurrent);
  if (std::getenv("FLICK_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(dir / "expected.sql", std::ios::binary) << first;
    if (!concurrent.empty()) {
      std::ofstream(dir / "expected_concurrent.sql", std::ios::binary) << concurrent;
    }
  }
  EXPECT_EQ(read_text(dir / "expected.sql"), first);
  fs::path concurrent_path = dir / "expected_concurrent.sql";
  EXPECT_EQ(fs::exists(concurrent_path) ? read_text(concurrent_path) : "", concurrent);

  flick::ddl::Replayer replayer;
  try {
    replayer.apply(from_sql, "from.sql");
    replayer.apply(first, "expected.sql");
    EXPECT_TRUE(same(replayer.catalog(), flick::emit::before_concurrent_changes(changes, from, to)))
        << "the first migration does not reach the schema its snapshot records";
    replayer.apply(concurrent, "expected_concurrent.sql");
  } catch (const flick::UserError& error) {
    FAIL() << error.what();
  }
  EXPECT_TRUE(same(replayer.catalog(), to)) << "the migrations do not reach to.sql";

  const std::set<std::string> locking = {"setting-not-null",
                                         "index-without-concurrently",
                                         "constraint-without-not-valid",
                                         "drop-index-without-concurrently",
                                         "unique-constraint-instead-of-index",
                                         "concurrently-in-transaction"};
  for (const auto& [text, file] :
       {std::pair{first, "expected.sql"}, std::pair{concurrent, "expected_concurrent.sql"}}) {
    for (const auto& finding : flick::lint::lint_sql(text, file, flick::lint::Settings{})) {
      EXPECT_EQ(locking.count(finding.rule), 0u)
          << file << ":" << finding.line << ": " << finding.rule << ": " << finding.message;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, SafeGolden, ::testing::ValuesIn(case_names()),
                         [](const auto& info) { return info.param; });

}  // namespace
