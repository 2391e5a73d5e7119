#include "flick/toolkit.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace flick::toolkit {
namespace {

namespace fs = std::filesystem;

class ToolkitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("flick-toolkit-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  void write(const fs::path& relative, const std::string& text) {
    fs::create_directories((dir_ / relative).parent_path());
    std::ofstream(dir_ / relative, std::ios::binary) << text;
  }
  std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }
  Project project(const std::string& url = "") {
    return Project::load({.schema = {(dir_ / "schema.sql").string()},
                          .out = (dir_ / "drizzle").string(),
                          .url = url});
  }

  fs::path dir_;
};

TEST_F(ToolkitTest, GenerateWritesTheNextMigrationOnlyWhenTheSchemaChanged) {
  write("schema.sql", "CREATE TABLE notes (id integer PRIMARY KEY, body text NOT NULL);\n");
  GenerateReport first = generate(project(), {.name = "init"});
  ASSERT_EQ(first.written.size(), 1u);
  EXPECT_EQ(first.written[0].tag, "0000_init");
  EXPECT_EQ(first.written[0].statements, 1u);
  EXPECT_FALSE(first.written[0].custom);
  EXPECT_NE(read(first.written[0].sql_path).find("CREATE TABLE \"notes\""), std::string::npos);
  EXPECT_TRUE(fs::is_regular_file(first.written[0].snapshot_path));

  EXPECT_TRUE(generate(project()).written.empty()) << "no change, no migration";

  write("schema.sql",
        "CREATE TABLE notes (id integer PRIMARY KEY, body text NOT NULL, pinned boolean);\n");
  GenerateReport second = generate(project(), {.name = "pin"});
  ASSERT_EQ(second.written.size(), 1u);
  EXPECT_EQ(second.written[0].tag, "0001_pin");
  EXPECT_EQ(read(second.written[0].sql_path),
            "ALTER TABLE \"notes\" ADD COLUMN \"pinned\" boolean;");
  EXPECT_TRUE(check(project()).ok());
}

// The schema files are read while the folder's snapshot is: a broken snapshot is still the error
// reported when the schema is broken as well, each error alone is reported as itself, and
// nothing is written.
TEST_F(ToolkitTest, GenerateReportsAFolderProblemBeforeASchemaProblem) {
  write("schema.sql", "CREATE TABLE notes (id integer PRIMARY KEY);\n");
  GenerateReport first = generate(project(), {.name = "init"});
  ASSERT_EQ(first.written.size(), 1u);
  std::string snapshot = read(first.written[0].snapshot_path);
  auto message_of = [&] {
    try {
      generate(project(), {.name = "next"});
    } catch (const std::exception& error) {
      return std::string(error.what());
    }
    return std::string("no error");
  };
  write("schema.sql", "CREATE TABLE notes (id integer PRIMARY KEY,, body text);\n");
  EXPECT_NE(message_of().find("schema.sql"), std::string::npos) << message_of();
  write(fs::relative(first.written[0].snapshot_path, dir_), "{ \"id\": ");
  std::string both = message_of();
  EXPECT_NE(both.find("0000_snapshot.json"), std::string::npos) << both;
  EXPECT_EQ(both.find("schema.sql"), std::string::npos) << both;
  write("schema.sql", "CREATE TABLE notes (id integer PRIMARY KEY, body text);\n");
  EXPECT_NE(message_of().find("0000_snapshot.json"), std::string::npos) << message_of();
  EXPECT_FALSE(fs::exists(dir_ / "drizzle" / "0001_next.sql"));
  write(fs::relative(first.written[0].snapshot_path, dir_), snapshot);
  EXPECT_EQ(generate(project(), {.name = "next"}).written.size(), 1u);
}

TEST_F(ToolkitTest, ExportAndCodegenReadTheSchemaFiles) {
  write("schema.sql",
        "CREATE TYPE mood AS ENUM ('ok', 'meh');\n"
        "CREATE TABLE notes (id integer PRIMARY KEY, mood mood);\n");
  std::vector<std::string> statements = export_sql(project());
  ASSERT_EQ(statements.size(), 2u);
  EXPECT_NE(statements[0].find("CREATE TYPE \"public\".\"mood\""), std::string::npos);
  EXPECT_NE(statements[1].find("CREATE TABLE \"notes\""), std::string::npos);
  std::string header = codegen(project(), {.cpp_namespace = "app::db"});
  EXPECT_NE(header.find("#include <flick/client.hpp>"), std::string::npos);
  EXPECT_NE(header.find("namespace app::db"), std::string::npos);
  EXPECT_EQ(header.find("client/client.hpp"), std::string::npos);
}

TEST_F(ToolkitTest, CheckReportsAMissingMigrationFile) {
  write("schema.sql", "CREATE TABLE notes (id integer PRIMARY KEY);\n");
  GenerateReport written = generate(project(), {.name = "init"});
  ASSERT_EQ(written.written.size(), 1u);
  fs::remove(written.written[0].sql_path);
  CheckReport report = check(project());
  EXPECT_FALSE(report.ok());
  bool names_the_file = false;
  for (const Finding& finding : report.findings) {
    names_the_file = names_the_file || (finding.severity == Severity::kError &&
                                        finding.file.find("0000_init") != std::string::npos);
  }
  EXPECT_TRUE(names_the_file);
}

TEST_F(ToolkitTest, LintUsesTheProjectSeveritiesAndNamesFileAndLine) {
  write("schema.sql", "CREATE TABLE users (id integer PRIMARY KEY, email text);\n");
  ASSERT_EQ(generate(project(), {.name = "init"}).written.size(), 1u);
  write("schema.sql", "CREATE TABLE users (id integer PRIMARY KEY, email text NOT NULL);\n");
  ASSERT_EQ(generate(project(), {.name = "email"}).written.size(), 1u);
  // The finding of a rule, or nullptr.
  auto finding_of = [](const LintReport& report, const std::string& rule) -> const Diagnostic* {
    for (const Diagnostic& finding : report.findings) {
      if (finding.rule == rule) return &finding;
    }
    return nullptr;
  };
  LintReport report = lint(project());
  EXPECT_EQ(report.files, 2);
  ASSERT_NE(finding_of(report, "setting-not-null"), nullptr);
  const Diagnostic& finding = *finding_of(report, "setting-not-null");
  EXPECT_EQ(finding.severity, Severity::kError);
  EXPECT_EQ(finding.file, "0001_email.sql");
  EXPECT_EQ(finding.line, 1);
  EXPECT_FALSE(finding.why.empty());
  EXPECT_NE(finding.fix.find("NOT VALID"), std::string::npos) << finding.fix;

  write("flick.toml",
        "out = \"drizzle\"\nschema = \"schema.sql\"\n"
        "[lint]\nrules = { setting-not-null = \"warning\" }\n");
  Project configured = Project::load({.config = (dir_ / "flick.toml").string()});
  LintReport relaxed = lint(configured);
  ASSERT_NE(finding_of(relaxed, "setting-not-null"), nullptr);
  EXPECT_EQ(finding_of(relaxed, "setting-not-null")->severity, Severity::kWarning);
  EXPECT_EQ(relaxed.findings.size(), report.findings.size());
  EXPECT_THROW(lint(configured, {(dir_ / "missing.sql").string()}), UserError);
}

TEST_F(ToolkitTest, FixPutsJournalWhenInOrderAndCheckThenPasses) {
  write("schema.sql", "CREATE TABLE a (id integer PRIMARY KEY);\n");
  generate(project(), {.name = "a", .now_ms = 1700000002000});
  write("schema.sql",
        "CREATE TABLE a (id integer PRIMARY KEY);\nCREATE TABLE b (id integer PRIMARY KEY);\n");
  generate(project(), {.name = "b", .now_ms = 1700000001000});  // older than the first
  auto has_order_finding = [&] {
    for (const Diagnostic& finding : check(project()).findings) {
      if (finding.rule == "journal-order") return true;
    }
    return false;
  };
  EXPECT_TRUE(has_order_finding());
  EXPECT_FALSE(fix(project(), /*dry_run=*/true).empty());
  EXPECT_TRUE(has_order_finding()) << "a dry run writes nothing";
  EXPECT_FALSE(fix(project()).empty());
  EXPECT_FALSE(has_order_finding());
  EXPECT_TRUE(fix(project()).empty()) << "nothing left to fix";
}

TEST_F(ToolkitTest, NoSchemaFilesIsBadInput) {
  Project without_schema = Project::load({.out = (dir_ / "drizzle").string()});
  EXPECT_THROW(generate(without_schema), UserError);
  EXPECT_THROW(export_sql(without_schema), UserError);
}

TEST_F(ToolkitTest, AnUnreachableDatabaseIsAnEnvironmentErrorWithoutThePassword) {
  write("schema.sql", "CREATE TABLE notes (id integer PRIMARY KEY);\n");
  generate(project(), {.name = "init"});
  // Nothing listens on port 1 of the loopback interface.
  Project unreachable = project("postgresql://app:s3cretpw@127.0.0.1:1/appdb");
  try {
    migrate(unreachable);
    FAIL() << "migrate reached a database on port 1";
  } catch (const EnvironmentError& error) {
    std::string message = error.what();
    EXPECT_NE(message.find("127.0.0.1"), std::string::npos) << message;
    EXPECT_EQ(message.find("s3cretpw"), std::string::npos) << message;
  }
  EXPECT_THROW(status(unreachable), EnvironmentError);
}

// The first migration of a schema with tables has its snapshot written on a second thread while
// the SQL is made; --safe writes it after, as every other migration does. The two folders hold
// the same bytes but for the random snapshot id.
TEST_F(ToolkitTest, FirstSnapshotWrittenAheadIsTheOneWrittenAfter) {
  write(
      "schema.sql",
      "CREATE TYPE mood AS ENUM ('up', 'down');\n"
      "CREATE TABLE users (id serial PRIMARY KEY, name varchar(40) NOT NULL DEFAULT '',\n"
      "  feeling mood DEFAULT 'up', tags text[] DEFAULT '{}', created timestamptz DEFAULT now());\n"
      "CREATE UNIQUE INDEX users_name_idx ON users (lower(name)) WHERE name <> '';\n"
      "CREATE TABLE posts (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
      "  author integer REFERENCES users (id) ON DELETE CASCADE, body text CHECK (body <> ''));\n"
      "COMMENT ON COLUMN posts.body IS 'markdown';\n"
      "CREATE VIEW recent AS SELECT id, body FROM posts;\n");
  auto folder_text = [&](const std::string& name, bool safe) {
    Project project =
        Project::load({.schema = {(dir_ / "schema.sql").string()}, .out = (dir_ / name).string()});
    GenerateReport report =
        generate(project, {.name = "init", .safe = safe, .now_ms = 1700000000000});
    EXPECT_EQ(report.written.size(), 1u) << name;
    std::string snapshot = read(dir_ / name / "meta/0000_snapshot.json");
    std::size_t id = snapshot.find("\"id\": \"");
    EXPECT_NE(id, std::string::npos) << snapshot;
    if (id != std::string::npos) snapshot.replace(id + 7, 36, 36, 'x');
    return read(dir_ / name / "0000_init.sql") + snapshot +
           read(dir_ / name / "meta/_journal.json");
  };
  std::string ahead = folder_text("ahead", false);
  EXPECT_NE(ahead.find("\"public.posts\""), std::string::npos) << ahead;
  EXPECT_EQ(ahead, folder_text("after", true));
}

// migrate connects while it reads the migration files: a journal it cannot read is still the
// error reported (bad input, not an unreachable database), and a missing file comes after the
// connection failure.
TEST_F(ToolkitTest, MigrateReportsABrokenJournalBeforeAnUnreachableDatabase) {
  write("schema.sql", "CREATE TABLE notes (id integer PRIMARY KEY);\n");
  GenerateReport generated = generate(project(), {.name = "init"});
  ASSERT_EQ(generated.written.size(), 1u);
  Project unreachable = project("postgresql://app@127.0.0.1:1/appdb");
  fs::path sql = generated.written[0].sql_path;
  fs::rename(sql, dir_ / "moved.sql");
  EXPECT_THROW(migrate(unreachable), EnvironmentError) << "the connection fails first";
  fs::rename(dir_ / "moved.sql", sql);
  write("drizzle/meta/_journal.json", "{\"version\": \"7\", \"entries\": [");
  try {
    migrate(unreachable);
    FAIL() << "migrate read a truncated journal";
  } catch (const UserError& error) {
    EXPECT_NE(std::string(error.what()).find("_journal.json"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace flick::toolkit
