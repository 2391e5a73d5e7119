// The CLI's exit-code map (README: exit codes): 0 done, 1 findings or a failed migration, 2 bad
// input, 3 environment (database unreachable, server binaries missing). One case per code that
// needs no database; a failed migration (1 from migrate) is covered by tests/migrate.

#include <gtest/gtest.h>

#include "cli_run.hpp"

namespace flick::cli_test {
namespace {

// A migration folder with an empty journal: nothing to apply.
void write_empty_folder(const std::filesystem::path& dir) {
  write_text(dir / "drizzle" / "meta" / "_journal.json",
             R"({"version":"7","dialect":"postgresql","entries":[]})");
}

// Nothing listens on port 1 of the loopback interface: the connection is refused at once.
const std::string kUnreachableUrl = "postgresql://app:s3cretpw@127.0.0.1:1/appdb";

TEST(ExitCodes, UnreachableDatabaseExitsThreeWithThePasswordRedacted) {
  TempDir dir;
  write_empty_folder(dir.path());
  write_text(dir.path() / "db" / "schema.sql", "CREATE TABLE notes (id integer PRIMARY KEY);\n");
  for (const char* command : {"migrate", "status", "pull", "drift", "push"}) {
    SCOPED_TRACE(command);
    std::vector<std::string> args = {command,    "--out", "drizzle",      "--schema",
                                     "db/*.sql", "--url", kUnreachableUrl};
    RunResult result = run_flick(dir.path(), args);
    EXPECT_EQ(result.exit_code, 3) << result.err;
    EXPECT_NE(result.err.find("database unreachable"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("127.0.0.1"), std::string::npos) << result.err;
    EXPECT_EQ(result.err.find("s3cretpw"), std::string::npos) << result.err;
    EXPECT_EQ(result.out.find("s3cretpw"), std::string::npos) << result.out;
    EXPECT_EQ(result.err.find("internal error"), std::string::npos) << result.err;
  }
}

TEST(ExitCodes, FindingsExitOneBadInputExitsTwo) {
  TempDir dir;
  // A journal entry whose SQL file is missing: a finding of check.
  write_text(
      dir.path() / "drizzle" / "meta" / "_journal.json",
      R"({"version":"7","dialect":"postgresql","entries":[)"
      R"({"idx":0,"version":"7","when":1700000000000,"tag":"0000_gone","breakpoints":true}]})");
  RunResult findings = run_flick(dir.path(), {"check", "--out", "drizzle"});
  EXPECT_EQ(findings.exit_code, 1) << findings.out << findings.err;

  RunResult bad_flag = run_flick(dir.path(), {"migrate", "--out", "drizzle", "--tx", "sometimes"});
  EXPECT_EQ(bad_flag.exit_code, 2) << bad_flag.err;
  EXPECT_NE(bad_flag.err.find("--tx sometimes"), std::string::npos) << bad_flag.err;
}

}  // namespace
}  // namespace flick::cli_test
