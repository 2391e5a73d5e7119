// flick --version / --help / <command> --help, and export.

#include <gtest/gtest.h>

#include "cli_run.hpp"

namespace flick::cli_test {
namespace {

TEST(CliBasics, VersionExitsZeroAndNamesFlick) {
  TempDir dir;
  RunResult result = run_flick(dir.path(), {"--version"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out.rfind("flick ", 0), 0u) << result.out;
}

TEST(CliBasics, HelpListsTheCommands) {
  TempDir dir;
  RunResult result = run_flick(dir.path(), {"--help"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  for (const char* command : {"generate", "export", "check", "migrate"}) {
    EXPECT_NE(result.out.find(command), std::string::npos) << command << "\n" << result.out;
  }
}

TEST(CliBasics, EachCommandHelpExitsZeroAndNamesTheCommand) {
  TempDir dir;
  for (const char* command : {"generate", "export", "check"}) {
    RunResult result = run_flick(dir.path(), {command, "--help"});
    EXPECT_EQ(result.exit_code, 0) << command << ": " << result.err;
    EXPECT_NE(result.out.find(command), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("--schema"), std::string::npos) << result.out;
  }
  RunResult generate = run_flick(dir.path(), {"generate", "--help"});
  EXPECT_NE(generate.out.find("--rename"), std::string::npos) << generate.out;
  EXPECT_NE(generate.out.find("--custom"), std::string::npos) << generate.out;
}

TEST(CliBasics, UnknownCommandExitsTwo) {
  TempDir dir;
  EXPECT_EQ(run_flick(dir.path(), {"frobnicate"}).exit_code, 2);
}

// libpq and its libraries load on the first connection only (src/pg/libpq_loader.cpp): a
// command that never connects starts without them. LD_DEBUG=libs makes the loader say each
// library it opens.
TEST(CliStartup, CommandsWithoutADatabaseNeverLoadLibpq) {
  TempDir dir;
  write_text(dir.path() / "schema.sql", "CREATE TABLE \"t\" (\"id\" integer);\n");
  RunResult result = run_flick(dir.path(), {"export", "--schema", "schema.sql"}, {"LD_DEBUG=libs"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("libstdc++"), std::string::npos) << "LD_DEBUG had no effect";
  EXPECT_EQ(result.err.find("libpq"), std::string::npos) << result.err;
  EXPECT_EQ(result.err.find("libcrypto"), std::string::npos) << result.err;
}

TEST(CliStartup, ACommandThatConnectsLoadsLibpqThen) {
  TempDir dir;
  // The connection attempt itself needs libpq.
  RunResult result = run_flick(dir.path(), {"status", "--out", "drizzle", "--url", kNobodyListens},
                               {"LD_DEBUG=libs"});
  EXPECT_EQ(result.exit_code, 3) << result.err;
  EXPECT_NE(result.err.find("libpq.so.5"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("database unreachable"), std::string::npos) << result.err;
}

// A command that connects loads libpq on a second thread from its start (tools/flick/main.cpp):
// even a migrate that stops at its unreadable journal, before any connection, has loaded it.
TEST(CliStartup, ACommandThatConnectsLoadsLibpqWhileItStarts) {
  TempDir dir;
  write_text(dir.path() / "drizzle" / "meta" / "_journal.json", "{\"entries\": [\n");
  RunResult result = run_flick(dir.path(), {"migrate", "--out", "drizzle", "--url", kNobodyListens},
                               {"LD_DEBUG=libs"});
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_NE(result.err.find("_journal.json"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("libpq.so.5"), std::string::npos) << result.err;
  EXPECT_EQ(result.err.find("database unreachable"), std::string::npos) << result.err;
}

// The load on the second thread fails quietly; the first connection tries again and reports it.
TEST(CliStartup, ALibpqThatCannotBeLoadedIsReportedByTheConnection) {
  TempDir dir;
  write_text(dir.path() / "lib" / "libpq.so.5", "not a library\n");
  RunResult result = run_flick(dir.path(), {"status", "--out", "drizzle", "--url", kNobodyListens},
                               {"LD_LIBRARY_PATH=" + (dir.path() / "lib").string()});
  EXPECT_EQ(result.exit_code, 3) << result.err;
  EXPECT_NE(result.err.find("libpq.so.5 (PostgreSQL's client library, Debian package libpq5) "
                            "cannot be loaded"),
            std::string::npos)
      << result.err;
}

TEST(CliExport, PrintsCreateForEveryTableAndWritesNothing) {
  TempDir dir;
  write_text(dir.path() / "schema.sql",
             "CREATE SCHEMA \"shop\";\n"
             "CREATE TYPE \"public\".\"mood\" AS ENUM('sad', 'ok');\n"
             "CREATE TABLE \"users\" (\"id\" serial PRIMARY KEY NOT NULL, \"mood\" \"mood\");\n"
             "CREATE TABLE \"shop\".\"orders\" (\"id\" integer PRIMARY KEY NOT NULL,\n"
             "  \"user_id\" integer REFERENCES \"users\"(\"id\"));\n");
  RunResult result = run_flick(dir.path(), {"export", "--schema", "schema.sql"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("CREATE SCHEMA \"shop\";"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("CREATE TYPE \"public\".\"mood\" AS ENUM('sad', 'ok');"),
            std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("CREATE TABLE \"users\" ("), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("CREATE TABLE \"shop\".\"orders\" ("), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("FOREIGN KEY (\"user_id\") REFERENCES \"public\".\"users\"(\"id\")"),
            std::string::npos)
      << result.out;
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "drizzle"));
}

TEST(CliExport, NoSchemaFilesExitsTwo) {
  TempDir dir;
  RunResult result = run_flick(dir.path(), {"export"});
  EXPECT_EQ(result.exit_code, 2) << result.out;
  EXPECT_NE(result.err.find("no schema files"), std::string::npos) << result.err;
}

TEST(CliCheck, MissingFolderExitsTwo) {
  TempDir dir;
  RunResult result = run_flick(dir.path(), {"check", "--out", "nowhere"});
  EXPECT_EQ(result.exit_code, 2) << result.out;
  EXPECT_NE(result.err.find("nowhere"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("does not exist"), std::string::npos) << result.err;
}

TEST(CliExport, SyntaxErrorExitsTwoNamingTheFile) {
  TempDir dir;
  write_text(dir.path() / "schema.sql", "CREATE TABLE \"t\" (\"id\" integer,,);\n");
  RunResult result = run_flick(dir.path(), {"export", "--schema", "schema.sql"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("schema.sql:1:"), std::string::npos) << result.err;
  EXPECT_TRUE(result.out.empty()) << result.out;
}

}  // namespace
}  // namespace flick::cli_test
