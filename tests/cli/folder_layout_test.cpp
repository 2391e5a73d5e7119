// drizzle-kit 1.0 writes a directory per migration (<timestamp>_<name>/migration.sql beside its
// snapshot.json) and no meta/_journal.json; Flick reads 0.x's layout only. Such a folder was taken
// for an empty one: check called it fine ("0 migrations, 0 errors") and generate wrote a first
// migration of the whole schema into it. Every command that opens the folder now refuses it.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cli_run.hpp"

namespace flick::cli_test {
namespace {

class DrizzleKitOneFolder : public ::testing::Test {
 protected:
  void SetUp() override {
    write_text(dir_.path() / "drizzle" / "20250101000000_init" / "migration.sql",
               "CREATE TABLE \"users\" (\"id\" integer PRIMARY KEY);\n");
    write_text(dir_.path() / "drizzle" / "20250101000000_init" / "snapshot.json",
               "{\"id\": \"6d0c2d8e-7d38-4a9b-9d4e-4f4cf1f2a001\"}\n");
    write_text(dir_.path() / "drizzle" / "20250202000000_posts" / "migration.sql",
               "CREATE TABLE \"posts\" (\"id\" integer PRIMARY KEY);\n");
    write_text(dir_.path() / "schema.sql",
               "CREATE TABLE \"users\" (\"id\" integer PRIMARY KEY);\n"
               "CREATE TABLE \"posts\" (\"id\" integer PRIMARY KEY);\n");
    before_ = folder_bytes(dir_.path());
  }

  // Runs `args`, expects exit 2 with the layout named, and the project left as it was.
  void expect_refused(const std::vector<std::string>& args) {
    RunResult result = run_flick(dir_.path(), args);
    EXPECT_EQ(result.exit_code, 2) << args[0] << ": " << result.out << result.err;
    EXPECT_NE(result.err.find("drizzle: drizzle-kit 1.0's folder layout (2 migration directories "
                              "such as 20250101000000_init/migration.sql"),
              std::string::npos)
        << args[0] << ": " << result.err;
    EXPECT_EQ(result.out.find("0 migrations"), std::string::npos) << args[0] << ": " << result.out;
    EXPECT_EQ(changed_files(before_, folder_bytes(dir_.path())), "") << args[0];
  }

  TempDir dir_;
  std::map<std::string, std::string> before_;
};

TEST_F(DrizzleKitOneFolder, CheckRefusesItInsteadOfCallingItFine) {
  expect_refused({"check", "--out", "drizzle"});
}

TEST_F(DrizzleKitOneFolder, GenerateWritesNothingIntoIt) {
  expect_refused({"generate", "--schema", "schema.sql", "--out", "drizzle"});
}

TEST_F(DrizzleKitOneFolder, MigrateRefusesItBeforeConnecting) {
  // The folder is refused before any connection is tried.
  expect_refused({"migrate", "--out", "drizzle", "--url", kNobodyListens});
}

TEST_F(DrizzleKitOneFolder, LintRefusesIt) { expect_refused({"lint", "--out", "drizzle"}); }

// Directories without a migration.sql (seeds, notes) do not make a folder drizzle-kit 1.0's.
TEST(FolderLayout, OtherDirectoriesLeaveAnEmptyFolderEmpty) {
  TempDir dir;
  write_text(dir.path() / "drizzle" / "seeds" / "users.sql", "INSERT INTO users VALUES (1);\n");
  RunResult result = run_flick(dir.path(), {"check", "--out", "drizzle"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("0 migrations, 0 errors"), std::string::npos) << result.out;
}

}  // namespace
}  // namespace flick::cli_test
