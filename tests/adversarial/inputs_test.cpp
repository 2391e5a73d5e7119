// Input files that are not what they claim: NUL bytes, FIFOs, devices, directories. Each is
// refused at the one input reader (files::read_input_file) with exit 2 and its file (and
// position), before anything is written or created; none hangs.

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>

#include "database_helpers.hpp"
#include "flick_process.hpp"
#include "support/test_cluster.hpp"

namespace flick::testing {
namespace {

namespace fs = std::filesystem;

class HostileInputs : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = make_temp_dir("flick-adversarial"); }
  void TearDown() override { fs::remove_all(dir_); }
  // dir_/drizzle with a journal listing one migration, 0000_init (its file is the test's).
  fs::path one_migration_folder() {
    fs::path out = dir_ / "drizzle";
    fs::create_directories(out / "meta");
    write_text(out / "meta" / "_journal.json",
               R"({"version":"7","dialect":"postgresql","entries":[{"idx":0,"version":"7",)"
               R"("when":1700000000000,"tag":"0000_init","breakpoints":true}]})");
    return out;
  }
  fs::path dir_;
};

// A NUL byte used to end the file silently: the statements after it were dropped, exit 0.
TEST_F(HostileInputs, NulByteInASchemaFileIsRefusedWithItsPosition) {
  std::string sql = "CREATE TABLE a (id int);\nCREATE TABLE b (id int);";
  sql.insert(sql.find("CREATE TABLE b") + 7, 1, '\0');
  write_text(dir_ / "schema.sql", sql);
  for (const std::vector<std::string>& command : std::vector<std::vector<std::string>>{
           {"export"}, {"generate", "--out", (dir_ / "drizzle").string()}}) {
    std::vector<std::string> args = command;
    args.insert(args.end(), {"--schema", (dir_ / "schema.sql").string()});
    FlickRun run = run_flick(args);
    EXPECT_EQ(run.exit_code, 2) << run.command << "\n" << run.out << run.err;
    EXPECT_NE(run.err.find("schema.sql:2:8: contains a NUL byte"), std::string::npos) << run.err;
    EXPECT_EQ(run.out.find("CREATE TABLE"), std::string::npos) << run.out;
  }
  EXPECT_FALSE(fs::exists(dir_ / "drizzle"));
}

TEST_F(HostileInputs, NulByteInAMigrationIsRefusedBeforeAnythingIsCreated) {
  fs::path out = one_migration_folder();
  std::string sql = "CREATE TABLE a (id int);\n";
  sql += '\0';
  sql += "DROP TABLE a;\n";
  write_text(out / "0000_init.sql", sql);
  std::string url = create_database("adversarial_nul");
  FlickRun run = run_flick({"migrate", "--out", out.string(), "--url", url});
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
  EXPECT_NE(run.err.find("0000_init.sql:2:1: contains a NUL byte"), std::string::npos) << run.err;
  EXPECT_FALSE(relation_exists(url, "public.a"));
  EXPECT_EQ(bookkeeping_rows(url), 0);
  FlickRun lint = run_flick({"lint", (out / "0000_init.sql").string()});
  EXPECT_EQ(lint.exit_code, 2) << lint.out << lint.err;
  EXPECT_NE(lint.err.find("contains a NUL byte"), std::string::npos) << lint.err;
}

// A FIFO matched by the schema glob used to hang export and check; a device was read forever.
TEST_F(HostileInputs, FifosDevicesAndDirectoriesAreNotRead) {
  ASSERT_EQ(mkfifo((dir_ / "pipe.sql").c_str(), 0600), 0);
  FlickRun fifo = run_flick({"export", "--schema", (dir_ / "pipe.sql").string()});
  EXPECT_EQ(fifo.exit_code, 2) << fifo.out << fifo.err;
  EXPECT_NE(fifo.err.find("pipe.sql: is not a regular file"), std::string::npos) << fifo.err;

  FlickRun device = run_flick({"export", "--schema", "/dev/zero"});
  EXPECT_EQ(device.exit_code, 2) << device.out << device.err;
  EXPECT_NE(device.err.find("/dev/zero: is not a regular file"), std::string::npos) << device.err;

  fs::create_directories(dir_ / "flick.toml");
  FlickRun config = run_flick({"check", "--config", (dir_ / "flick.toml").string()});
  EXPECT_EQ(config.exit_code, 2) << config.out << config.err;
  EXPECT_NE(config.err.find("flick.toml: is a directory"), std::string::npos) << config.err;
  // The flick.toml of the current directory, too (it used to be skipped silently).
  fs::path previous = fs::current_path();
  fs::current_path(dir_);
  FlickRun implicit = run_flick({"check", "--out", (dir_ / "drizzle").string()});
  fs::current_path(previous);
  EXPECT_EQ(implicit.exit_code, 2) << implicit.out << implicit.err;
  EXPECT_NE(implicit.err.find("flick.toml: is a directory"), std::string::npos) << implicit.err;
}

// migrate used to create its bookkeeping schema and table before it found a syntax error in a
// pending migration: "nothing written" was not true.
TEST_F(HostileInputs, SyntaxErrorInAMigrationCreatesNothing) {
  fs::path out = one_migration_folder();
  write_text(out / "0000_init.sql", "CREATE TABLE a (id int);\nCREATE TABEL b (id int);\n");
  std::string url = create_database("adversarial_syntax");
  FlickRun run = run_flick({"migrate", "--out", out.string(), "--url", url});
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
  EXPECT_NE(run.err.find("0000_init.sql:2:8: syntax error"), std::string::npos) << run.err;
  EXPECT_EQ(query_value(url, "SELECT count(*) FROM pg_namespace WHERE nspname = 'drizzle'"), "0");
  EXPECT_FALSE(relation_exists(url, "public.a"));
}

// Type names that need quoting survive the snapshot round trip: generate converges at once.
TEST_F(HostileInputs, QuotedTypeNamesRoundTripThroughTheSnapshot) {
  std::string long_name(64, 'A');  // cut to 63 bytes by PostgreSQL and by Flick alike
  write_text(
      dir_ / "schema.sql",
      "CREATE TYPE \"MyEnum\" AS ENUM ('a');\nCREATE SCHEMA \"MySchema\";\n"
      "CREATE TYPE \"MySchema\".\"Mood\" AS ENUM ('x');\n"
      "CREATE TYPE \"user\" AS ENUM ('u');\nCREATE TYPE \"order\" AS ENUM ('o');\n"
      "CREATE TYPE \"e num\" AS ENUM ('e');\nCREATE TYPE \"e\"\"num; --\" AS ENUM ('q');\n"
      "CREATE TYPE \"" +
          long_name +
          "\" AS ENUM ('l');\n"
          "CREATE TABLE t (a \"MyEnum\", b \"MySchema\".\"Mood\", c \"user\", d \"order\"[], "
          "e \"e num\", f \"e\"\"num; --\", g \"" +
          long_name + "\");\n");
  std::vector<std::string> generate = {"generate", "--schema", (dir_ / "schema.sql").string(),
                                       "--out", (dir_ / "drizzle").string()};
  FlickRun first = run_flick(generate);
  ASSERT_EQ(first.exit_code, 0) << first.out << first.err;
  FlickRun second = run_flick(generate);
  EXPECT_EQ(second.exit_code, 0) << second.out << second.err;
  EXPECT_NE(second.out.find("No schema changes"), std::string::npos) << second.out << second.err;
}

// The password was printed by three paths: a misspelt scheme (then read as a conninfo string and
// sent to the local socket), libpq's URI parse error quoting the URI, and the command-line parser
// quoting arguments a command does not take.
TEST_F(HostileInputs, PasswordsAreNeverPrinted) {
  const std::string secret = "s3cr3t-Pa55";
  fs::path out = dir_ / "drizzle";
  std::vector<std::vector<std::string>> commands = {
      {"status", "--out", out.string(), "--url", "postgress://u:" + secret + "@127.0.0.1:1/db"},
      {"status", "--out", out.string(), "--url", "POSTGRES://u:" + secret + "@127.0.0.1:1/db"},
      {"migrate", "--out", out.string(), "--url", "postgresql://u:" + secret + "@[bad/db"},
      {"export", "--url", "postgresql://u:" + secret + "@h/db"},
      {"lint", "--url=postgresql://u:" + secret + "@h/db", "x.sql"},
  };
  for (const std::vector<std::string>& args : commands) {
    FlickRun run = run_flick(args);
    EXPECT_NE(run.exit_code, 0) << run.command;
    EXPECT_LT(run.exit_code, 3) << run.command << "\n" << run.err;
    EXPECT_EQ(run.err.find(secret), std::string::npos) << run.command << "\n" << run.err;
    EXPECT_EQ(run.out.find(secret), std::string::npos) << run.command << "\n" << run.out;
  }
  FlickRun misspelt = run_flick(commands[0]);
  EXPECT_EQ(misspelt.exit_code, 2);
  EXPECT_NE(misspelt.err.find("unknown scheme \"postgress\""), std::string::npos) << misspelt.err;
  EXPECT_EQ(misspelt.err.find("socket"), std::string::npos) << "never sent to the local socket";
}

// A `1+1+...` chain of 5,000 terms used to crash every command (SIGSEGV: libpg_query's recursive
// protobuf unpacking ran out of the main thread's stack).
TEST_F(HostileInputs, DeeplyNestedExpressionIsReadNotACrash) {
  std::string terms = "1";
  for (int i = 1; i < 5000; ++i) terms += "+1";
  write_text(dir_ / "schema.sql", "CREATE TABLE t (x int DEFAULT " + terms + ");\n");
  FlickRun run = run_flick({"export", "--schema", (dir_ / "schema.sql").string()});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("CREATE TABLE \"t\""), std::string::npos) << run.out.substr(0, 200);
  write_text(dir_ / "migration.sql", "SELECT " + terms + ";\n");
  FlickRun lint = run_flick({"lint", (dir_ / "migration.sql").string()});
  EXPECT_NE(lint.exit_code, 139) << lint.err;
  EXPECT_LT(lint.exit_code, 3) << lint.err;
}

}  // namespace
}  // namespace flick::testing

namespace flick::testing {
namespace {

// Robustness class 13: schemas PostgreSQL refuses used to pass generate with exit 0 (the
// migration then failed on the server). Each is refused with its file:line:col and what
// PostgreSQL would say, and nothing is written.
TEST_F(HostileInputs, SemanticErrorsPostgresRefusesAreRefusedBeforeWriting) {
  std::string long_label(70, 'x');
  std::string wide_table = "CREATE TABLE w (";
  for (int i = 0; i <= 1600; ++i) wide_table += (i ? ", c" : "c") + std::to_string(i) + " int";
  wide_table += ");";
  struct Case {
    std::string sql;
    std::string message;
  };
  std::vector<Case> cases = {
      {"CREATE TYPE e AS ENUM ('" + long_label + "');",
       "schema.sql:1:1: enum \"public\".\"e\": label \"xxxxxxxxxxxxxxxxxxxx…\" is 70 bytes; "
       "PostgreSQL allows at most 63"},
      {"CREATE TYPE e AS ENUM ('a', 'b', 'a');",
       "schema.sql:1:1: enum \"public\".\"e\": label \"a\" is listed twice"},
      {wide_table, "schema.sql:1:14: table \"public\".\"w\" has 1601 columns"},
      {"CREATE TABLE t (n numeric(2000, 1));",
       "schema.sql:1:19: column \"n\": NUMERIC precision 2000 must be between 1 and 1000"},
      {"CREATE TABLE t (v varchar(0));",
       "schema.sql:1:19: column \"v\": length for type varchar must be between 1 and 10485760"},
      {"CREATE SEQUENCE s INCREMENT BY 0;", "schema.sql:1:1: sequence INCREMENT must not be zero"},
      {"CREATE SEQUENCE s MINVALUE 10 MAXVALUE 5;",
       "schema.sql:1:1: sequence MINVALUE (10) must be less than MAXVALUE (5)"},
      {"CREATE TABLE t (a int, b int GENERATED ALWAYS AS (b + 1) STORED);",
       "generated column \"b\" of \"t\" reads generated column \"b\""},
      {"CREATE TABLE t (a int, b int GENERATED ALWAYS AS (a * 2) STORED,\n"
       "  c int GENERATED ALWAYS AS (b + 1) STORED);",
       "generated column \"c\" of \"t\" reads generated column \"b\""},
      {"CREATE TABLE t (a int CHECK (a IN (SELECT 1)));",
       "schema.sql:1:23: CHECK on table \"t\" holds a subquery"},
      {"CREATE TABLE t (id int);\nCREATE TYPE t AS ENUM ('a');",
       "schema.sql:2:1: enum \"public\".\"t\": type \"t\" already exists (the row type of the "
       "table of that name)"},
      {"CREATE DOMAIN t AS int;\nCREATE TABLE t (id int);",
       "schema.sql:2:14: table \"public\".\"t\": type \"t\" already exists (a domain)"},
      // Two long names that differ only after byte 63 are one name to PostgreSQL.
      {"CREATE TABLE t (a int, b int,\n"
       "  CONSTRAINT cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc_x "
       "CHECK (a > 0),\n"
       "  CONSTRAINT cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc_y "
       "CHECK (b > 0));",
       "schema.sql:3:3: constraint "
       "\"ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc\" is defined twice on "
       "table \"t\" (PostgreSQL "
       "keeps the first 63 bytes of a longer name)"},
      {"CREATE TABLE t (a int CONSTRAINT "
       "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc_x UNIQUE);\n"
       "CREATE TABLE u (b int CONSTRAINT "
       "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc_y UNIQUE);",
       "schema.sql:2:23: constraint "
       "\"ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc\" on table \"u\" is "
       "backed by an index of that "
       "name, and a relation so named is already defined in schema \"public\" (PostgreSQL "
       "keeps the first 63 bytes of a longer name)"},
      {"CREATE TABLE t (a int, b int, CONSTRAINT same CHECK (a > 0));\n"
       "ALTER TABLE t ADD CONSTRAINT same CHECK (b > 0);",
       "schema.sql:2:19: constraint \"same\" is defined twice on table \"t\""},
      {"CREATE TABLE t (a text DEFAULT 'caf\xe9');",
       "schema.sql:1:36: invalid UTF-8 byte sequence"},
  };
  for (const Case& test : cases) {
    write_text(dir_ / "schema.sql", test.sql);
    FlickRun run = run_flick({"generate", "--schema", (dir_ / "schema.sql").string(), "--out",
                              (dir_ / "drizzle").string()});
    EXPECT_EQ(run.exit_code, 2) << test.sql << "\n" << run.out << run.err;
    EXPECT_NE(run.err.find(test.message), std::string::npos) << test.sql << "\n" << run.err;
    EXPECT_FALSE(fs::exists(dir_ / "drizzle")) << test.sql;
  }
}

}  // namespace
}  // namespace flick::testing
