// The evolution round trip. tests/data/evolution/stepNN/ each hold a complete schema (*.sql),
// and optionally:
//   flags               extra `flick generate` arguments, one per line ('#' starts a comment)
//   seed.sql            rows inserted into the migrated database after this step's migration
//   rows.txt            queries and the rows they must return after this step (see RowChecks)
//   reference.migration a hand-written migration from the previous step, used by the
//                       ReferenceMigrations test to check the data and the harness without flick
// For each step the test generates a migration with flick, applies it to database A (which went
// through every earlier step), builds database B from the step's schema files directly, and
// requires catalog_dump(A) == catalog_dump(B), the expected rows in A, and that generating again
// (without the flags) finds no changes.

#include <fcntl.h>
#include <fmt/core.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "pg/pg.hpp"
#include "support/catalog_dump.hpp"
#include "support/line_diff.hpp"
#include "support/test_cluster.hpp"

namespace flick::testing {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kBreakpoint = "--> statement-breakpoint";

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The chains: every tests/data/evolution* folder (evolution: tables, columns, constraints,
// enums, views; evolution-objects: extensions, functions, triggers, domains, composite types,
// partitions, aggregates and the other PostgreSQL objects).
std::vector<std::string> chains() {
  std::vector<std::string> names;
  for (const fs::directory_entry& entry : fs::directory_iterator(FLICK_TEST_DATA)) {
    std::string name = entry.path().filename().string();
    if (entry.is_directory() && name.starts_with("evolution")) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<fs::path> step_dirs(const std::string& chain) {
  std::vector<fs::path> steps;
  for (const fs::directory_entry& entry :
       fs::directory_iterator(fs::path(FLICK_TEST_DATA) / chain)) {
    if (entry.is_directory() && entry.path().filename().string().starts_with("step")) {
      steps.push_back(entry.path());
    }
  }
  std::sort(steps.begin(), steps.end());
  return steps;
}

// The step's schema files: every *.sql but seed.sql, in name order.
std::vector<fs::path> schema_files(const fs::path& step) {
  std::vector<fs::path> files;
  for (const fs::directory_entry& entry : fs::directory_iterator(step)) {
    if (entry.path().extension() == ".sql" && entry.path().filename() != "seed.sql") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::string> flags(const fs::path& step) {
  std::vector<std::string> args;
  if (!fs::exists(step / "flags")) return args;
  std::istringstream in(read_file(step / "flags"));
  for (std::string line; std::getline(in, line);) {
    line.erase(line.find_last_not_of(" \t\r") + 1);
    if (!line.empty() && line[0] != '#') args.push_back(line);
  }
  return args;
}

struct ProcessRun {
  int exit_code = 0;
  std::string output;  // stdout and stderr
};

// Runs argv (argv[0] a path) in `working_dir`, capturing stdout and stderr together.
ProcessRun run(const std::vector<std::string>& argv, const fs::path& working_dir) {
  std::vector<std::string> copy = argv;
  std::vector<char*> args;
  for (std::string& arg : copy) args.push_back(arg.data());
  args.push_back(nullptr);
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    dup2(fds[1], STDOUT_FILENO);
    dup2(fds[1], STDERR_FILENO);
    if (chdir(working_dir.c_str()) != 0) _exit(126);
    execv(args[0], args.data());
    _exit(127);
  }
  close(fds[1]);
  ProcessRun result;
  char buffer[4096];
  ssize_t n;
  while ((n = read(fds[0], buffer, sizeof buffer)) != 0) {
    if (n > 0) result.output.append(buffer, static_cast<std::size_t>(n));
    if (n < 0 && errno != EINTR) break;
  }
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

std::string command_line(const std::vector<std::string>& argv) {
  std::string text;
  for (const std::string& arg : argv) text += (text.empty() ? "" : " ") + arg;
  return text;
}

std::set<fs::path> sql_files(const fs::path& folder) {
  std::set<fs::path> files;
  if (!fs::exists(folder)) return files;
  for (const fs::directory_entry& entry : fs::directory_iterator(folder)) {
    if (entry.path().extension() == ".sql") files.insert(entry.path());
  }
  return files;
}

// Runs a migration file (statements split on the breakpoint marker) in one transaction.
void apply_migration(pg::Connection& connection, const std::string& sql) {
  connection.exec("BEGIN");
  std::size_t start = 0;
  try {
    while (start <= sql.size()) {
      std::size_t end = sql.find(kBreakpoint, start);
      if (end == std::string::npos) end = sql.size();
      std::string statement = sql.substr(start, end - start);
      if (statement.find_first_not_of(" \t\r\n") != std::string::npos) connection.exec(statement);
      start = end + kBreakpoint.size();
    }
  } catch (...) {
    connection.exec("ROLLBACK");
    throw;
  }
  connection.exec("COMMIT");
}

void apply_schema(const std::string& url, const fs::path& step) {
  pg::Connection connection(url);
  for (const fs::path& file : schema_files(step)) {
    try {
      connection.exec(read_file(file));
    } catch (const pg::PgError& error) {
      throw std::runtime_error(fmt::format("{}: {}", file.string(), error.what()));
    }
  }
}

// rows.txt: blocks of "> <query>" followed by the expected rows, one per line, values joined
// with '|', NULL written as <null>. Lines starting with '#' and blank lines are ignored.
void check_rows(const std::string& url, const fs::path& step) {
  if (!fs::exists(step / "rows.txt")) return;
  pg::Connection connection(url);
  connection.exec("SET TimeZone = 'UTC'");
  std::istringstream in(read_file(step / "rows.txt"));
  std::vector<std::pair<std::string, std::string>> checks;  // query, expected rows
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    if (line.starts_with("> ")) {
      checks.emplace_back(line.substr(2), "");
    } else {
      ASSERT_FALSE(checks.empty()) << step / "rows.txt"
                                   << ": rows before the first query";
      checks.back().second += line + "\n";
    }
  }
  for (const auto& [query, expected] : checks) {
    std::string actual;
    pg::Result result = connection.exec(query);
    for (int row = 0; row < result.rows(); ++row) {
      for (int column = 0; column < result.columns(); ++column) {
        if (column > 0) actual += '|';
        actual += result.is_null(row, column) ? "<null>" : result.value(row, column);
      }
      actual += '\n';
    }
    EXPECT_TRUE(same_text("expected rows", expected, "rows", actual))
        << step.filename() << ": " << query;
  }
}

void seed(const std::string& url, const fs::path& step) {
  if (!fs::exists(step / "seed.sql")) return;
  try {
    pg::Connection(url).exec(read_file(step / "seed.sql"));
  } catch (const pg::PgError& error) {
    throw std::runtime_error(fmt::format("{}: {}", (step / "seed.sql").string(), error.what()));
  }
}

void expect_same_catalog(const std::string& migrated_url, const fs::path& step) {
  std::string fresh_url = create_database("evolution_fresh");
  apply_schema(fresh_url, step);
  EXPECT_TRUE(same_text("fresh (" + step.filename().string() + " schema files)",
                        catalog_dump(fresh_url), "migrated", catalog_dump(migrated_url)));
}

std::string flick_binary() {
  const char* from_env = std::getenv("FLICK_BIN");
  return from_env != nullptr ? from_env : FLICK_BIN;
}

class Evolution : public ::testing::TestWithParam<std::string> {};

TEST(EvolutionChains, BothChainsArePresent) {
  EXPECT_EQ(chains(), (std::vector<std::string>{"evolution", "evolution-objects"}));
}

TEST_P(Evolution, DataHasEnoughSteps) { EXPECT_GE(step_dirs(GetParam()).size(), 12u); }

// Every step's schema builds on a fresh database, and the first step's seed and rows hold.
TEST_P(Evolution, EveryStepSchemaApplies) {
  for (const fs::path& step : step_dirs(GetParam())) {
    SCOPED_TRACE(step.filename().string());
    std::string url = create_database("evolution_check");
    ASSERT_NO_THROW(apply_schema(url, step));
  }
}

// Hand-written migrations between the steps take the database through every step: checks the
// data (seeds, expected rows) and the harness (the dumps) independently of flick.
TEST_P(Evolution, ReferenceMigrations) {
  std::string migrated = create_database("evolution_reference");
  for (const fs::path& step : step_dirs(GetParam())) {
    SCOPED_TRACE(step.filename().string());
    ASSERT_TRUE(fs::exists(step / "reference.migration")) << step;
    {
      pg::Connection connection(migrated);
      ASSERT_NO_THROW(apply_migration(connection, read_file(step / "reference.migration")));
    }
    seed(migrated, step);
    expect_same_catalog(migrated, step);
    check_rows(migrated, step);
    if (::testing::Test::HasFailure()) return;
  }
}

TEST_P(Evolution, FlickGenerateRoundTrip) {
  std::string flick = flick_binary();
  ASSERT_TRUE(fs::exists(flick)) << "flick binary not found at " << flick;
  fs::path work = fs::temp_directory_path() / fmt::format("flick-evolution-{}", getpid());
  fs::remove_all(work);
  fs::path out = work / "drizzle";
  fs::create_directories(out);
  std::string migrated = create_database("evolution_migrated");

  for (const fs::path& step : step_dirs(GetParam())) {
    std::string name = step.filename().string();
    SCOPED_TRACE(name);
    std::vector<std::string> argv = {flick, "generate"};
    for (const fs::path& file : schema_files(step))
      argv.insert(argv.end(), {"--schema", file.string()});
    argv.insert(argv.end(), {"--out", out.string(), "--name", name});
    for (const std::string& flag : flags(step)) argv.push_back(flag);

    std::set<fs::path> before = sql_files(out);
    ProcessRun generate = run(argv, work);
    ASSERT_EQ(generate.exit_code, 0) << command_line(argv) << "\n" << generate.output;
    std::set<fs::path> after = sql_files(out);
    std::vector<fs::path> added;
    std::set_difference(after.begin(), after.end(), before.begin(), before.end(),
                        std::back_inserter(added));
    ASSERT_EQ(added.size(), 1u) << "expected one new migration file\n"
                                << command_line(argv) << "\n"
                                << generate.output;
    EXPECT_TRUE(added[0].filename().string().ends_with("_" + name + ".sql")) << added[0];

    std::string migration = read_file(added[0]);
    {
      pg::Connection connection(migrated);
      try {
        apply_migration(connection, migration);
      } catch (const pg::PgError& error) {
        FAIL() << added[0] << " failed: " << error.what() << "\nstatement: " << error.query()
               << "\nwhole migration:\n"
               << migration;
      }
    }
    seed(migrated, step);
    expect_same_catalog(migrated, step);
    check_rows(migrated, step);

    // Without the step's flags: rename hints that match nothing are an error.
    std::vector<std::string> again(argv.begin(), argv.end() - flags(step).size());
    again.back() = name + "_again";
    ProcessRun regenerate = run(again, work);
    EXPECT_EQ(regenerate.exit_code, 0) << regenerate.output;
    EXPECT_NE(regenerate.output.find("No schema changes"), std::string::npos)
        << "generating again after " << name << " should find nothing:\n"
        << regenerate.output;
    EXPECT_EQ(sql_files(out), after) << "generating again wrote a file";
    if (::testing::Test::HasFailure()) {
      ADD_FAILURE() << "stopping at " << name << " (migration folder kept in " << out.string()
                    << "); migration was:\n"
                    << migration;
      return;
    }
  }
  fs::remove_all(work);
}

INSTANTIATE_TEST_SUITE_P(Chains, Evolution, ::testing::ValuesIn(chains()), [](const auto& info) {
  std::string name = info.param;
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
});

}  // namespace
}  // namespace flick::testing
