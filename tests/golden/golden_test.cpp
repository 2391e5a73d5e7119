// Runs every case under tests/golden/cases: reads from.sql and to.sql with the DDL reader,
// diffs, emits, and compares the migration text with expected.sql exactly.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ddl/ddl.hpp"
#include "diff/diff.hpp"
#include "emit/emit.hpp"
#include "flick/error.hpp"

namespace {

namespace fs = std::filesystem;

constexpr const char* kBreakpoint = "--> statement-breakpoint\n";

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(FLICK_GOLDEN_CASES)) {
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// Lines "--rename KIND:OLD=NEW" / "--drop KIND:NAME" (the leading "--" is optional).
flick::diff::Options read_flags(const fs::path& path) {
  flick::diff::Options options;
  if (!fs::exists(path)) return options;
  std::istringstream lines(read_text(path));
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (line.rfind("--", 0) == 0) line = line.substr(2);
    std::size_t space = line.find(' ');
    std::string verb = line.substr(0, space);
    std::string argument = space == std::string::npos ? "" : line.substr(space + 1);
    if (verb == "rename") {
      options.renames.push_back(flick::diff::parse_rename_hint(argument));
    } else if (verb == "drop") {
      options.drops.push_back(flick::diff::parse_drop_hint(argument));
    } else {
      ADD_FAILURE() << path << ": bad flag line: " << line;
    }
  }
  return options;
}

std::string join(const std::vector<std::string>& statements) {
  std::string text;
  for (std::size_t i = 0; i < statements.size(); ++i) {
    if (i > 0) text += kBreakpoint;
    text += statements[i];
  }
  return text;
}

// A line-by-line listing of where the texts part, for a readable failure.
std::string line_diff(const std::string& expected, const std::string& actual) {
  std::istringstream e(expected), a(actual);
  std::string out, el, al;
  int line = 0;
  while (true) {
    bool has_e = static_cast<bool>(std::getline(e, el));
    bool has_a = static_cast<bool>(std::getline(a, al));
    if (!has_e && !has_a) break;
    ++line;
    if (has_e && has_a && el == al) continue;
    out += "line " + std::to_string(line) + ":\n";
    out += "  expected: " + (has_e ? el : std::string("<end>")) + "\n";
    out += "  actual:   " + (has_a ? al : std::string("<end>")) + "\n";
  }
  return out;
}

class GoldenTest : public testing::TestWithParam<std::string> {};

TEST_P(GoldenTest, EmitsExpectedMigration) {
  fs::path dir = fs::path(FLICK_GOLDEN_CASES) / GetParam();
  flick::model::Catalog from = flick::ddl::read_schema_sql(read_text(dir / "from.sql"), "from.sql");
  flick::model::Catalog to = flick::ddl::read_schema_sql(read_text(dir / "to.sql"), "to.sql");
  flick::diff::Options options = read_flags(dir / "flags");
  if (fs::exists(dir / "error")) {
    std::string expected_error = read_text(dir / "error");
    while (!expected_error.empty() && expected_error.back() == '\n') expected_error.pop_back();
    try {
      flick::diff::diff(from, to, options);
      FAIL() << "expected a UserError containing: " << expected_error;
    } catch (const flick::UserError& error) {
      EXPECT_NE(std::string(error.what()).find(expected_error), std::string::npos)
          << "message: " << error.what();
    }
    return;
  }
  std::string actual = join(flick::emit::sql_statements(flick::diff::diff(from, to, options)));
  if (!fs::exists(dir / "expected.sql")) {
    std::ofstream(dir / "expected.sql.new", std::ios::binary) << actual;
    FAIL() << "no expected.sql; wrote the output to expected.sql.new for review";
  }
  std::string expected = read_text(dir / "expected.sql");
  EXPECT_EQ(expected, actual) << "case " << GetParam() << " differs:\n"
                              << line_diff(expected, actual) << "\nfull output:\n"
                              << actual;
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenTest, testing::ValuesIn(case_names()),
                         [](const testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

}  // namespace
