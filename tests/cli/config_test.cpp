// flick.toml keys, flags over the file, ${VAR} expansion and configuration errors, through
// `flick generate`.

#include <gtest/gtest.h>

#include <ostream>
#include <regex>

#include "cli_run.hpp"

namespace flick::cli_test {
namespace {
namespace fs = std::filesystem;

constexpr const char* kUsers =
    "CREATE TABLE \"users\" (\n  \"id\" serial PRIMARY KEY NOT NULL,\n  \"name\" text\n);\n";
constexpr const char* kTwoTables =
    "CREATE TABLE \"users\" (\"id\" serial PRIMARY KEY NOT NULL);\n"
    "CREATE TABLE \"posts\" (\"id\" serial PRIMARY KEY NOT NULL);\n";

// The names of the SQL files in `dir`.
std::vector<std::string> sql_names(const fs::path& dir) {
  std::vector<std::string> names;
  for (const fs::path& path : sql_files(dir)) names.push_back(path.filename().string());
  return names;
}

TEST(CliConfig, EveryKeyIsHonoured) {
  TempDir dir;
  write_text(dir.path() / "db/a.sql", "CREATE TABLE \"users\" (\"id\" serial PRIMARY KEY);\n");
  write_text(dir.path() / "db/b.sql", "CREATE TABLE \"posts\" (\"id\" serial PRIMARY KEY);\n");
  write_text(dir.path() / "db/ignored.txt", "not sql");
  write_text(dir.path() / "flick.toml",
             "out = \"migrations/pg\"\n"
             "schema = [\"db/a.sql\", \"db/b.sql\"]\n"
             "dialect = \"postgresql\"\n"
             "verbose = true\n"
             "strict = false\n"
             "breakpoints = false\n"
             "schemaFilter = [\"public\"]\n"
             "tablesFilter = [\"*\"]\n"
             "[dbCredentials]\n"
             "url = \"postgres://localhost/none\"\n"
             "[migrations]\n"
             "table = \"__flick_migrations\"\n"
             "schema = \"flick\"\n"
             "prefix = \"none\"\n");
  RunResult result = run_flick(dir.path(), {"generate", "--name", "init"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  fs::path out = dir.path() / "migrations/pg";
  ASSERT_EQ(sql_names(out), std::vector<std::string>{"_init.sql"});
  EXPECT_TRUE(fs::exists(out / "meta/_snapshot.json"));
  std::string sql = read_text(out / "_init.sql");
  EXPECT_NE(sql.find("CREATE TABLE \"users\""), std::string::npos) << sql;
  EXPECT_NE(sql.find("CREATE TABLE \"posts\""), std::string::npos) << sql;
  EXPECT_EQ(sql.find("--> statement-breakpoint"), std::string::npos) << sql;
  EXPECT_NE(read_text(out / "meta/_journal.json").find("\"breakpoints\": false"),
            std::string::npos);
  EXPECT_FALSE(fs::exists(dir.path() / "drizzle"));
}

TEST(CliConfig, BreakpointsByDefault) {
  TempDir dir;
  write_text(dir.path() / "schema.sql", kTwoTables);
  write_text(dir.path() / "flick.toml", "schema = \"schema.sql\"\n");
  RunResult result = run_flick(dir.path(), {"generate", "--name", "init"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::string sql = read_text(dir.path() / "drizzle/0000_init.sql");
  EXPECT_NE(sql.find("--> statement-breakpoint"), std::string::npos) << sql;
}

TEST(CliConfig, PrefixModesNameTheFiles) {
  struct Case {
    const char* mode;
    const char* pattern;
  };
  for (const Case& c :
       {Case{"index", R"(0000_init\.sql)"}, Case{"timestamp", R"(20\d{12}_init\.sql)"},
        Case{"supabase", R"(20\d{12}_init\.sql)"}, Case{"unix", R"(\d{10}_init\.sql)"},
        Case{"none", R"(_init\.sql)"}}) {
    TempDir dir;
    write_text(dir.path() / "schema.sql", kUsers);
    write_text(dir.path() / "flick.toml",
               std::string("schema = \"schema.sql\"\n[migrations]\nprefix = \"") + c.mode + "\"\n");
    RunResult result = run_flick(dir.path(), {"generate", "--name", "init"});
    ASSERT_EQ(result.exit_code, 0) << c.mode << ": " << result.err;
    std::vector<std::string> names = sql_names(dir.path() / "drizzle");
    ASSERT_EQ(names.size(), 1u) << c.mode;
    EXPECT_TRUE(std::regex_match(names[0], std::regex(c.pattern))) << c.mode << ": " << names[0];
  }
}

TEST(CliConfig, FlagsWinOverTheFile) {
  TempDir dir;
  write_text(dir.path() / "file.sql", "CREATE TABLE \"from_file\" (\"id\" integer);\n");
  write_text(dir.path() / "flag.sql", "CREATE TABLE \"from_flag\" (\"id\" integer);\n");
  write_text(dir.path() / "flick.toml",
             "out = \"file_out\"\nschema = \"file.sql\"\n[migrations]\nprefix = \"none\"\n");
  RunResult result = run_flick(dir.path(), {"generate", "--schema", "flag.sql", "--out", "flag_out",
                                            "--prefix", "index", "--name", "x"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_FALSE(fs::exists(dir.path() / "file_out"));
  ASSERT_EQ(sql_names(dir.path() / "flag_out"), std::vector<std::string>{"0000_x.sql"});
  std::string sql = read_text(dir.path() / "flag_out/0000_x.sql");
  EXPECT_NE(sql.find("\"from_flag\""), std::string::npos) << sql;
  EXPECT_EQ(sql.find("\"from_file\""), std::string::npos) << sql;
}

TEST(CliConfig, ConfigFlagReadsAnotherFileWithPathsRelativeToIt) {
  TempDir dir;
  write_text(dir.path() / "project/schema.sql", kUsers);
  write_text(dir.path() / "project/custom.toml", "schema = \"schema.sql\"\nout = \"mig\"\n");
  RunResult result =
      run_flick(dir.path(), {"generate", "--config", "project/custom.toml", "--name", "init"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(fs::exists(dir.path() / "project/mig/0000_init.sql"));
}

TEST(CliConfig, FlagsAloneWithoutFlickToml) {
  TempDir dir;
  write_text(dir.path() / "schema.sql", kUsers);
  RunResult result = run_flick(dir.path(), {"generate", "--schema", "schema.sql", "--name", "a"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(fs::exists(dir.path() / "drizzle/0000_a.sql"));
  EXPECT_TRUE(fs::exists(dir.path() / "drizzle/meta/0000_snapshot.json"));
}

TEST(CliConfig, VariableFromTheEnvironment) {
  TempDir dir;
  write_text(dir.path() / "schema.sql", kUsers);
  write_text(dir.path() / "flick.toml", "schema = \"schema.sql\"\nout = \"${FLICK_TEST_OUT}\"\n");
  RunResult result =
      run_flick(dir.path(), {"generate", "--name", "a"}, {"FLICK_TEST_OUT=from_env"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(fs::exists(dir.path() / "from_env/0000_a.sql"));
}

TEST(CliConfig, VariableFromDotEnvBesideTheFile) {
  TempDir dir;
  write_text(dir.path() / "project/schema.sql", kUsers);
  write_text(dir.path() / "project/flick.toml",
             "schema = \"schema.sql\"\nout = \"${FLICK_TEST_OUT}\"\n");
  write_text(dir.path() / "project/.env", "FLICK_TEST_OUT=from_dotenv\n");
  RunResult result =
      run_flick(dir.path(), {"generate", "--config", "project/flick.toml", "--name", "a"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(fs::exists(dir.path() / "project/from_dotenv/0000_a.sql"));
}

TEST(CliConfig, EnvironmentWinsOverDotEnv) {
  TempDir dir;
  write_text(dir.path() / "schema.sql", kUsers);
  write_text(dir.path() / "flick.toml", "schema = \"schema.sql\"\nout = \"${FLICK_TEST_OUT}\"\n");
  write_text(dir.path() / ".env", "FLICK_TEST_OUT=from_dotenv\n");
  RunResult result =
      run_flick(dir.path(), {"generate", "--name", "a"}, {"FLICK_TEST_OUT=from_env"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(fs::exists(dir.path() / "from_env/0000_a.sql"));
  EXPECT_FALSE(fs::exists(dir.path() / "from_dotenv"));
}

struct ConfigErrorCase {
  const char* title;
  const char* toml;
  std::vector<std::string> extra_args;
  std::vector<std::string> expected;  // each must appear in stderr
};

// Names the case in test listings instead of dumping its bytes.
void PrintTo(const ConfigErrorCase& c, std::ostream* os) { *os << c.title; }

class CliConfigError : public ::testing::TestWithParam<ConfigErrorCase> {};

TEST_P(CliConfigError, ExitsTwoNamingFileAndKeyAndWritesNothing) {
  const ConfigErrorCase& c = GetParam();
  TempDir dir;
  write_text(dir.path() / "schema.sql", kUsers);
  write_text(dir.path() / "flick.toml", c.toml);
  std::map<std::string, std::string> before = folder_bytes(dir.path());
  std::vector<std::string> args = {"generate", "--name", "a"};
  args.insert(args.end(), c.extra_args.begin(), c.extra_args.end());
  RunResult result = run_flick(dir.path(), args);
  EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
  EXPECT_NE(result.err.find("error: "), std::string::npos) << result.err;
  for (const std::string& text : c.expected) {
    EXPECT_NE(result.err.find(text), std::string::npos) << "missing \"" << text << "\" in\n"
                                                        << result.err;
  }
  EXPECT_EQ(changed_files(before, folder_bytes(dir.path())), "");
}

INSTANTIATE_TEST_SUITE_P(
    Errors, CliConfigError,
    ::testing::Values(
        ConfigErrorCase{"UnknownKey",
                        "schema = \"schema.sql\"\nouts = \"x\"\n",
                        {},
                        {"flick.toml:2", "outs", "unknown key"}},
        ConfigErrorCase{"UnknownNestedKey",
                        "schema = \"schema.sql\"\n[migrations]\nprefixx = \"none\"\n",
                        {},
                        {"flick.toml:3", "migrations.prefixx", "unknown key"}},
        ConfigErrorCase{"WrongType",
                        "schema = \"schema.sql\"\nbreakpoints = \"no\"\n",
                        {},
                        {"flick.toml:2", "breakpoints", "expected true or false"}},
        ConfigErrorCase{"WrongTypeOut",
                        "schema = \"schema.sql\"\nout = 3\n",
                        {},
                        {"flick.toml:2", "out", "expected a string"}},
        ConfigErrorCase{"BadDialect",
                        "schema = \"schema.sql\"\ndialect = \"mysql\"\n",
                        {},
                        {"flick.toml:2", "dialect", "mysql"}},
        ConfigErrorCase{"BadPrefix",
                        "schema = \"schema.sql\"\n[migrations]\nprefix = \"day\"\n",
                        {},
                        {"flick.toml:3", "migrations.prefix", "day"}},
        ConfigErrorCase{"GlobMatchesNothing",
                        "schema = [\"schema.sql\", \"nowhere/*.sql\"]\n",
                        {},
                        {"flick.toml", "nowhere/*.sql"}},
        ConfigErrorCase{"MissingConfigFile",
                        "schema = \"schema.sql\"\n",
                        {"--config", "absent.toml"},
                        {"absent.toml"}},
        ConfigErrorCase{"UnsetVariable",
                        "schema = \"schema.sql\"\nout = \"${FLICK_TEST_SURELY_UNSET}\"\n",
                        {},
                        {"flick.toml:2", "FLICK_TEST_SURELY_UNSET"}},
        ConfigErrorCase{"TomlSyntax", "schema = \"schema.sql\"\nout = \n", {}, {"flick.toml:2"}},
        ConfigErrorCase{
            "BadDialectFlag", "schema = \"schema.sql\"\n", {"--dialect", "sqlite"}, {"sqlite"}}),
    [](const ::testing::TestParamInfo<ConfigErrorCase>& info) { return info.param.title; });

}  // namespace
}  // namespace flick::cli_test
