#include "store/config.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <map>

#include "flick/error.hpp"
#include "test_files.hpp"

namespace flick::store {
namespace {

namespace fs = std::filesystem;

// A project folder with schema files, and a flick.toml written per test.
class ConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    project_ = temp_.path() / "project";
    testing::write_file(project_ / "schema" / "b.sql", "");
    testing::write_file(project_ / "schema" / "a.sql", "");
    testing::write_file(project_ / "schema" / "auth" / "users.sql", "");
    testing::write_file(project_ / "schema" / "notes.txt", "");
  }

  fs::path write_config(const std::string& text) {
    fs::path path = project_ / "flick.toml";
    testing::write_file(path, text);
    return path;
  }

  Config load(const std::string& text) {
    ConfigOverrides overrides;
    overrides.config = write_config(text);
    return load_config(overrides);
  }

  // The message of the UserError `text` raises; fails the test when none is raised.
  std::string error_of(const std::string& text) {
    try {
      load(text);
    } catch (const UserError& error) {
      return error.what();
    }
    ADD_FAILURE() << "no error for:\n" << text;
    return "";
  }

  testing::TempDir temp_;
  fs::path project_;
};

TEST_F(ConfigTest, ReadsEveryKey) {
  setenv("FLICK_CONFIG_TEST_PASSWORD", "s3cret", 1);
  Config config = load(R"(
out = "migrations"
schema = ["schema/*.sql", "schema/a.sql"]
dialect = "postgresql"
verbose = true
strict = true
breakpoints = false
schemaFilter = ["public", "auth"]
tablesFilter = "user*"

[dbCredentials]
url = "postgres://app:${FLICK_CONFIG_TEST_PASSWORD}@localhost/app"

[migrations]
table = "schema_history"
schema = "meta"
prefix = "timestamp"
lockTimeout = "5s"
statementTimeout = "10min"
)");
  unsetenv("FLICK_CONFIG_TEST_PASSWORD");
  EXPECT_EQ(config.config_path, project_ / "flick.toml");
  EXPECT_EQ(config.dir, project_);
  EXPECT_EQ(config.out, project_ / "migrations");
  EXPECT_EQ(config.schema, (std::vector<std::string>{"schema/*.sql", "schema/a.sql"}));
  EXPECT_EQ(config.schema_files,
            (std::vector<fs::path>{project_ / "schema/a.sql", project_ / "schema/b.sql"}));
  EXPECT_EQ(config.dialect, "postgresql");
  EXPECT_TRUE(config.verbose);
  EXPECT_TRUE(config.strict);
  EXPECT_FALSE(config.breakpoints);
  EXPECT_EQ(config.schema_filter, (std::vector<std::string>{"public", "auth"}));
  EXPECT_EQ(config.tables_filter, (std::vector<std::string>{"user*"}));
  EXPECT_EQ(config.url, "postgres://app:s3cret@localhost/app");
  EXPECT_EQ(config.migrations.table, "schema_history");
  EXPECT_EQ(config.migrations.schema, "meta");
  EXPECT_EQ(config.migrations.prefix, PrefixMode::kTimestamp);
  EXPECT_EQ(config.migrations.lock_timeout, "5s");
  EXPECT_EQ(config.migrations.statement_timeout, "10min");
}

TEST_F(ConfigTest, DefaultsMatchDrizzleKit) {
  Config config = load("schema = \"schema/a.sql\"\n");
  EXPECT_EQ(config.out, project_ / "drizzle");
  EXPECT_EQ(config.dialect, "postgresql");
  EXPECT_TRUE(config.breakpoints);
  EXPECT_FALSE(config.verbose);
  EXPECT_FALSE(config.strict);
  EXPECT_EQ(config.migrations.table, "__drizzle_migrations");
  EXPECT_EQ(config.migrations.schema, "drizzle");
  EXPECT_EQ(config.migrations.prefix, PrefixMode::kIndex);
  EXPECT_TRUE(config.url.empty());
}

TEST_F(ConfigTest, DoubleStarAndDirectoriesReachNestedFiles) {
  Config config = load("schema = [\"schema/**/*.sql\"]\n");
  EXPECT_EQ(config.schema_files,
            (std::vector<fs::path>{project_ / "schema/a.sql", project_ / "schema/auth/users.sql",
                                   project_ / "schema/b.sql"}));
  Config by_dir = load("schema = \"schema\"\n");
  EXPECT_EQ(by_dir.schema_files, config.schema_files);
}

// Robustness class 8: a directory a glob matches (`schema/a*` -> schema/auth) used to be skipped,
// so generate wrote DROP TABLE for the tables in it. It stands for its *.sql files.
TEST_F(ConfigTest, DirectoryMatchedByAGlobIsReadNotSkipped) {
  Config config = load("schema = \"schema/a*\"\n");
  EXPECT_EQ(config.schema_files,
            (std::vector<fs::path>{project_ / "schema/a.sql", project_ / "schema/auth/users.sql"}));
}

TEST_F(ConfigTest, FlagsWinOverTheFile) {
  ConfigOverrides overrides;
  overrides.config = write_config(
      "out = \"drizzle\"\nschema = \"schema/a.sql\"\nbreakpoints = true\n"
      "[dbCredentials]\nurl = \"postgres://file\"\n[migrations]\nprefix = \"unix\"\n");
  overrides.out = "elsewhere";
  overrides.url = "postgres://flag";
  overrides.prefix = "none";
  overrides.breakpoints = false;
  overrides.verbose = true;
  overrides.strict = true;
  overrides.dialect = "postgresql";
  testing::ScopedCwd cwd(project_ / "schema");
  overrides.schema = std::vector<std::string>{"b.sql"};  // relative to the working directory
  Config config = load_config(overrides);
  EXPECT_EQ(config.out, "elsewhere");
  EXPECT_EQ(config.url, "postgres://flag");
  EXPECT_EQ(config.migrations.prefix, PrefixMode::kNone);
  EXPECT_FALSE(config.breakpoints);
  EXPECT_TRUE(config.verbose);
  EXPECT_TRUE(config.strict);
  EXPECT_EQ(config.schema_files, (std::vector<fs::path>{"b.sql"}));
}

TEST_F(ConfigTest, FlagsAloneSufficeWithoutAConfigFile) {
  testing::ScopedCwd cwd(project_);  // no flick.toml here
  ConfigOverrides overrides;
  overrides.schema = std::vector<std::string>{"schema/*.sql"};
  overrides.url = "postgres://x";
  Config config = load_config(overrides);
  EXPECT_TRUE(config.config_path.empty());
  EXPECT_EQ(config.out, "drizzle");
  EXPECT_EQ(config.schema_files, (std::vector<fs::path>{"schema/a.sql", "schema/b.sql"}));
  EXPECT_EQ(config.url, "postgres://x");
}

TEST_F(ConfigTest, FindsFlickTomlInTheWorkingDirectory) {
  write_config("out = \"here\"\n");
  testing::ScopedCwd cwd(project_);
  Config config = load_config(ConfigOverrides{});
  EXPECT_EQ(config.config_path, "flick.toml");
  EXPECT_EQ(config.out, "here");
}

TEST_F(ConfigTest, DotenvBesideTheConfigFillsVariablesTheEnvironmentLacks) {
  testing::write_file(project_ / ".env",
                      "FLICK_CONFIG_TEST_URL=postgres://dotenv\nFLICK_CONFIG_TEST_OUT=from_env\n");
  setenv("FLICK_CONFIG_TEST_OUT", "from_process", 1);
  unsetenv("FLICK_CONFIG_TEST_URL");
  Config config = load(
      "out = \"${FLICK_CONFIG_TEST_OUT}\"\n"
      "[dbCredentials]\nurl = \"${FLICK_CONFIG_TEST_URL}\"\n");
  unsetenv("FLICK_CONFIG_TEST_OUT");
  EXPECT_EQ(config.url, "postgres://dotenv");
  EXPECT_EQ(config.out, project_ / "from_process");
}

TEST_F(ConfigTest, SchemaResolutionCanBeSkipped) {
  ConfigOverrides overrides;
  overrides.config = write_config("schema = \"missing/*.sql\"\n");
  overrides.resolve_schema = false;
  Config config = load_config(overrides);
  EXPECT_TRUE(config.schema_files.empty());
  EXPECT_EQ(config.schema, (std::vector<std::string>{"missing/*.sql"}));
}

void expect_contains(const std::string& message, const std::string& fragment) {
  EXPECT_NE(message.find(fragment), std::string::npos) << message;
}

TEST_F(ConfigTest, ErrorsNameFileLineAndKey) {
  std::string file = (project_ / "flick.toml").string();
  expect_contains(error_of("out = \"x\"\nschemas = \"a\"\n"), file + ":2: schemas: unknown key");
  expect_contains(error_of("\nverbose = \"yes\"\n"), file + ":2: verbose: expected true or false");
  expect_contains(error_of("out = 3\n"), file + ":1: out: expected a string");
  expect_contains(error_of("schema = [\"a\", 1]\n"), ":1: schema: expected a string");
  expect_contains(error_of("dialect = \"mysql\"\n"), ":1: dialect: \"mysql\" is not supported");
  expect_contains(error_of("[migrations]\ntable = \"t\"\nfolder = \"x\"\n"),
                  ":3: migrations.folder: unknown key");
  expect_contains(error_of("[migrations]\nprefix = \"weekly\"\n"), ":2: migrations.prefix");
  expect_contains(error_of("[dbCredentials]\nhost = \"db\"\n"), ":2: dbCredentials.host");
  expect_contains(error_of("dbCredentials = \"postgres://x\"\n"),
                  "dbCredentials: expected a table");
  unsetenv("FLICK_CONFIG_TEST_NOPE");
  expect_contains(error_of("[dbCredentials]\nurl = \"${FLICK_CONFIG_TEST_NOPE}\"\n"),
                  ":2: dbCredentials.url: environment variable FLICK_CONFIG_TEST_NOPE is not set");
  expect_contains(error_of("schema = [\"schema/*.sql\", \"nothing/*.sql\"]\n"),
                  file + ": schema: schema \"nothing/*.sql\" matches no file");
  expect_contains(error_of("out = \"x\"\nout = \"y\"\n"), file + ":2:");
  expect_contains(error_of("out = \n"), file + ":1:");
}

TEST_F(ConfigTest, LintRulesTakeASeverityEach) {
  Config config =
      load("[lint]\nrules = { setting-not-null = \"off\", varchar-length = \"error\" }\n");
  EXPECT_EQ(config.lint_rules, (std::map<std::string, std::string>{{"setting-not-null", "off"},
                                                                   {"varchar-length", "error"}}));
  EXPECT_TRUE(load("out = \"x\"\n").lint_rules.empty());
  expect_contains(error_of("[lint]\nrules = { dropping-table = \"never\" }\n"),
                  ":2: lint.rules.dropping-table: \"never\" is not a severity");
  expect_contains(error_of("[lint]\nlevel = \"strict\"\n"), ":2: lint.level: unknown key");
  expect_contains(error_of("[lint]\nrules = \"off\"\n"), "lint.rules: expected a table");
}

TEST_F(ConfigTest, GenerateSafeIsABoolean) {
  EXPECT_FALSE(load("out = \"x\"\n").generate_safe);
  EXPECT_TRUE(load("[generate]\nsafe = true\n").generate_safe);
  expect_contains(error_of("[generate]\nsafe = \"yes\"\n"), "generate.safe");
  expect_contains(error_of("[generate]\nconcurrent = true\n"),
                  ":2: generate.concurrent: unknown key");
}

TEST_F(ConfigTest, DocsOutIsRelativeToTheConfigFile) {
  EXPECT_EQ(load("out = \"x\"\n").docs_out, project_ / "docs");
  EXPECT_EQ(load("[docs]\nout = \"wiki/schema\"\n").docs_out, project_ / "wiki/schema");
  expect_contains(error_of("[docs]\npath = \"x\"\n"), ":2: docs.path: unknown key");
}

TEST_F(ConfigTest, MissingConfigFileAndBadFlagsAreErrors) {
  ConfigOverrides overrides;
  overrides.config = project_ / "nope.toml";
  EXPECT_THROW(load_config(overrides), UserError);
  ConfigOverrides dialect;
  dialect.dialect = "sqlite";
  testing::ScopedCwd cwd(project_);
  EXPECT_THROW(load_config(dialect), UserError);
  ConfigOverrides prefix;
  prefix.prefix = "sometimes";
  EXPECT_THROW(load_config(prefix), UserError);
  ConfigOverrides schema;
  schema.schema = std::vector<std::string>{"none/*.sql"};
  EXPECT_THROW(load_config(schema), UserError);
}

}  // namespace
}  // namespace flick::store

namespace flick::store {
namespace {

TEST_F(ConfigTest, ReadsTheFleet) {
  setenv("FLICK_FLEET_TEST_URL", "postgresql://app:pw@eu.example.com/app", 1);
  Config config = load(R"(
schema = "schema/*.sql"
[fleet]
targets = ["${FLICK_FLEET_TEST_URL}", { name = "us", url = "postgresql://us/app", schemas = "t_*" }]
targetsQuery = "SELECT url, name FROM tenants"
controlUrl = "postgresql://control/db"
schemas = "tenant_*"
sharedSchemas = ["public", "extensions"]
moveQualifiedNames = false
parallel = 16
canary = 3
)");
  ASSERT_EQ(config.fleet.targets.size(), 2u);
  EXPECT_EQ(config.fleet.targets[0].url, "postgresql://app:pw@eu.example.com/app");
  EXPECT_EQ(config.fleet.targets[0].name, "");
  EXPECT_EQ(config.fleet.targets[0].schemas, "");
  EXPECT_EQ(config.fleet.targets[1].name, "us");
  EXPECT_EQ(config.fleet.targets[1].schemas, "t_*");
  EXPECT_EQ(config.fleet.targets_query, "SELECT url, name FROM tenants");
  EXPECT_EQ(config.fleet.control_url, "postgresql://control/db");
  EXPECT_EQ(config.fleet.schemas, "tenant_*");
  EXPECT_EQ(config.fleet.shared_schemas, (std::vector<std::string>{"public", "extensions"}));
  EXPECT_FALSE(config.fleet.move_qualified_names);
  EXPECT_EQ(config.fleet.parallel, 16);
  EXPECT_EQ(config.fleet.canary, 3);
  Config defaults = load("schema = \"schema/*.sql\"\n");
  EXPECT_TRUE(defaults.fleet.targets.empty());
  EXPECT_EQ(defaults.fleet.parallel, 4);
  EXPECT_EQ(defaults.fleet.canary, 0);
  EXPECT_TRUE(defaults.fleet.move_qualified_names);
  EXPECT_TRUE(defaults.fleet.shared_schemas.empty());
}

TEST_F(ConfigTest, FleetMistakesNameTheKeyAndLine) {
  std::string base = "schema = \"schema/*.sql\"\n[fleet]\n";
  EXPECT_NE(error_of(base + "parallel = 0\n")
                .find("flick.toml:3: fleet.parallel: 0 is out of range (1..256)"),
            std::string::npos);
  EXPECT_NE(error_of(base + "parallel = \"4\"\n").find("fleet.parallel: expected an integer"),
            std::string::npos);
  EXPECT_NE(error_of(base + "targetsQuery = \"SELECT url FROM t\"\n")
                .find("flick.toml:3: fleet.targetsQuery: needs fleet.controlUrl"),
            std::string::npos);
  EXPECT_NE(
      error_of(base + "targets = [{ name = \"x\" }]\n").find("fleet.targets: a target needs a url"),
      std::string::npos);
  EXPECT_NE(error_of(base + "targets = [{ url = \"postgresql://h/d\", port = 5 }]\n")
                .find("fleet.targets.port: unknown key (expected one of: name, url, schemas)"),
            std::string::npos);
  EXPECT_NE(error_of(base + "targets = [3]\n").find("fleet.targets: expected a URL or a table"),
            std::string::npos);
  EXPECT_NE(error_of(base + "tenants = 3\n").find("fleet.tenants: unknown key"), std::string::npos);
}

}  // namespace
}  // namespace flick::store
