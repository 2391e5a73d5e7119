// The toolkit API against a real PostgreSQL: pull, push, docs, the diagnostics of a failed
// migration and of drift.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "flick/toolkit.hpp"
#include "pg/pg.hpp"
#include "support/test_cluster.hpp"

namespace flick::toolkit {
namespace {

namespace fs = std::filesystem;
using flick::testing::create_database;

class ToolkitDatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("flick-toolkit-db-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  void write(const fs::path& relative, const std::string& text) {
    fs::create_directories((dir_ / relative).parent_path());
    std::ofstream(dir_ / relative, std::ios::binary) << text;
  }
  static std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }
  static std::string value(const std::string& url, const std::string& sql) {
    pg::Connection connection(url);
    return connection.exec(sql).value(0, 0);
  }

  fs::path dir_;
};

TEST_F(ToolkitDatabaseTest, PullWritesSchemaFilesThatReadBackAndABaselineRecordedAsApplied) {
  std::string url = create_database("tk_pull");
  {
    pg::Connection connection(url);
    connection.exec(
        "CREATE TYPE mood AS ENUM ('happy', 'sad');"
        "CREATE TABLE people (id integer PRIMARY KEY, name text NOT NULL, feeling mood);"
        "CREATE VIEW happy_people AS SELECT id, name FROM people WHERE feeling = 'happy';");
  }
  write("flick.toml", "schema = \"db/*.sql\"\nout = \"drizzle\"\n");
  Project project = Project::load({.config = (dir_ / "flick.toml").string(), .url = url});
  PullReport report = pull(project);
  EXPECT_EQ(report.tables, 1u);
  EXPECT_EQ(report.enums, 1u);
  EXPECT_EQ(report.views, 1u);
  EXPECT_EQ(fs::weakly_canonical(report.directory), fs::weakly_canonical(dir_ / "db"));
  ASSERT_EQ(report.files.size(), 1u);
  EXPECT_EQ(report.files[0].filename(), "public.sql");
  std::string text = read(report.files[0]);
  EXPECT_NE(text.find("CREATE TABLE \"people\""), std::string::npos) << text;
  EXPECT_NE(text.find("CREATE TYPE \"public\".\"mood\""), std::string::npos) << text;
  ASSERT_TRUE(report.baseline.has_value());
  EXPECT_EQ(report.baseline->tag.substr(0, 4), "0000");

  // The files read back into the same schema: nothing to generate, nothing drifted, applied.
  Project reread = Project::load({.config = (dir_ / "flick.toml").string(), .url = url});
  EXPECT_TRUE(generate(reread).written.empty());
  EXPECT_FALSE(drift(reread).drifted());
  StatusReport status = toolkit::status(reread);
  ASSERT_EQ(status.entries.size(), 1u);
  EXPECT_EQ(status.entries[0].state, EntryState::kApplied);

  // A second pull into a folder that has migrations writes no baseline.
  EXPECT_FALSE(pull(reread).baseline.has_value());
}

TEST_F(ToolkitDatabaseTest, PullRefusesAGlobThatWouldNotReadTheFilesBackBeforeWriting) {
  std::string url = create_database("tk_pull_glob");
  write("flick.toml", "schema = \"db/main.sql\"\nout = \"drizzle\"\n");
  Project project = Project::load({.config = (dir_ / "flick.toml").string(), .url = url});
  try {
    pull(project);
    FAIL() << "expected UserError";
  } catch (const UserError& error) {
    EXPECT_NE(std::string(error.what()).find("would not read back"), std::string::npos)
        << error.what();
  }
  EXPECT_FALSE(fs::exists(dir_ / "db"));
  EXPECT_FALSE(fs::exists(dir_ / "drizzle"));
}

TEST_F(ToolkitDatabaseTest, PushAppliesThePlanItShowsAndRefusesRisksWithoutConfirmation) {
  std::string url = create_database("tk_push");
  write("schema.sql", "CREATE TABLE notes (id integer PRIMARY KEY, body text, tag text);\n");
  Project project = Project::load({.schema = {(dir_ / "schema.sql").string()}, .url = url});

  std::vector<std::string> ran;
  PushReport first =
      push(project, {.on_statement = [&](const std::string& sql) { ran.push_back(sql); }});
  EXPECT_EQ(first.outcome, PushOutcome::kApplied);
  EXPECT_EQ(ran, first.plan.statements);
  EXPECT_EQ(value(url,
                  "SELECT count(*) FROM information_schema.columns WHERE table_name = "
                  "'notes'"),
            "3");
  EXPECT_EQ(push(project).outcome, PushOutcome::kNoChanges);

  // Dropping a column with rows in it is a risk: refused by default, nothing changes.
  pg::Connection(url).exec("INSERT INTO notes VALUES (1, 'hello', 'x')");
  write("schema.sql", "CREATE TABLE notes (id integer PRIMARY KEY, body text);\n");
  PushReport refused = push(project);
  EXPECT_EQ(refused.outcome, PushOutcome::kRefused);
  EXPECT_FALSE(refused.plan.risks.empty());
  EXPECT_EQ(value(url, "SELECT tag FROM notes"), "x");

  // A confirm callback sees the same plan and accepts it.
  bool asked = false;
  PushReport accepted = push(project, {.confirm = [&](const PushPlan& plan) {
                               asked = true;
                               return !plan.risks.empty();
                             }});
  EXPECT_TRUE(asked);
  EXPECT_EQ(accepted.outcome, PushOutcome::kApplied);
  EXPECT_EQ(value(url,
                  "SELECT count(*) FROM information_schema.columns WHERE table_name = "
                  "'notes' AND column_name = 'tag'"),
            "0");
}

TEST_F(ToolkitDatabaseTest, FailedMigrationAndDriftAreDiagnostics) {
  std::string url = create_database("tk_diagnostics");
  write("schema.sql", "CREATE TABLE a (id integer PRIMARY KEY);\n");
  Project project = Project::load(
      {.schema = {(dir_ / "schema.sql").string()}, .out = (dir_ / "drizzle").string(), .url = url});
  GenerateReport generated = generate(project, {.name = "init"});
  ASSERT_EQ(generated.written.size(), 1u);
  ASSERT_TRUE(migrate(project).ok());

  pg::Connection(url).exec("ALTER TABLE a ADD COLUMN extra text");
  std::vector<Diagnostic> drifted = to_diagnostics(drift(project));
  ASSERT_EQ(drifted.size(), 2u);
  EXPECT_EQ(drifted[0].rule, "drift");
  EXPECT_EQ(drifted[0].severity, Severity::kError);
  EXPECT_NE(drifted[0].message.find("extra"), std::string::npos) << drifted[0].message;
  EXPECT_NE(drifted[0].fix.find("DROP COLUMN \"extra\""), std::string::npos) << drifted[0].fix;
  EXPECT_EQ(drifted[1].rule, "drift-data-risk");
  EXPECT_EQ(drifted[1].severity, Severity::kWarning);
  EXPECT_NE(drifted[1].message.find("drops column \"extra\""), std::string::npos);
  pg::Connection(url).exec("ALTER TABLE a DROP COLUMN extra");
  EXPECT_TRUE(to_diagnostics(drift(project)).empty());

  // A migration that fails: the diagnostic names the file, line and SQLSTATE.
  write("drizzle/0001_breaks.sql",
        "CREATE TABLE b (id integer);\n--> statement-breakpoint\n"
        "ALTER TABLE missing ADD COLUMN x integer;\n");
  std::string journal = read(dir_ / "drizzle/meta/_journal.json");
  std::size_t last = journal.rfind('}', journal.rfind(']'));
  journal.insert(last + 1,
                 ",\n    {\n      \"idx\": 1,\n      \"version\": \"7\",\n      \"when\": "
                 "9999999999999,\n      \"tag\": \"0001_breaks\",\n      \"breakpoints\": true\n"
                 "    }");
  write("drizzle/meta/_journal.json", journal);
  MigrateReport failed = migrate(project);
  ASSERT_TRUE(failed.failure.has_value());
  Diagnostic diagnostic = to_diagnostic(*failed.failure);
  EXPECT_EQ(diagnostic.rule, "migration-failed");
  EXPECT_EQ(diagnostic.file, "0001_breaks.sql");
  EXPECT_EQ(diagnostic.line, 3);
  EXPECT_NE(diagnostic.message.find("SQLSTATE 42P01"), std::string::npos) << diagnostic.message;
  EXPECT_NE(diagnostic.message.find("ALTER TABLE missing"), std::string::npos);
}

TEST_F(ToolkitDatabaseTest, DocsBuildsTheWikiAndWritesOnlyWhatChanged) {
  write("schema.sql",
        "CREATE TABLE authors (id integer PRIMARY KEY);\n"
        "CREATE TABLE books (id integer PRIMARY KEY, author_id integer REFERENCES authors(id));\n");
  Project project = Project::load(
      {.schema = {(dir_ / "schema.sql").string()}, .out = (dir_ / "drizzle").string()});
  std::vector<DocsPage> pages = docs(project);
  ASSERT_FALSE(pages.empty());
  EXPECT_EQ(pages[0].path, "index.md");
  EXPECT_NE(pages[0].markdown.find("erDiagram"), std::string::npos);
  bool has_books = false;
  for (const DocsPage& page : pages) has_books |= page.path == "tables/public.books.md";
  EXPECT_TRUE(has_books);

  DocsWriteReport first = write_docs(project, dir_ / "wiki");
  EXPECT_EQ(first.pages, pages.size());
  EXPECT_EQ(first.written, pages.size());
  DocsWriteReport second = write_docs(project, dir_ / "wiki");
  EXPECT_EQ(second.written, 0u);
  EXPECT_EQ(second.unchanged, pages.size());
  EXPECT_EQ(read(dir_ / "wiki/index.md"), pages[0].markdown);
}

TEST_F(ToolkitDatabaseTest, DocsWithNothingToDocumentIsAUserError) {
  Project project = Project::load({.out = (dir_ / "drizzle").string()});
  EXPECT_THROW(docs(project), UserError);
}

// [privileges] manage = true: OWNER TO goes through generate, migrate, drift and pull; an owner
// the schema names and the database does not have is drift; an object the schema names no owner
// for keeps whatever owner it has.
TEST_F(ToolkitDatabaseTest, ManagedOwnersConvergeAndOnlyNamedOwnersAreDrift) {
  std::string url = create_database("tk_owners");
  write("db/schema.sql",
        "CREATE ROLE tk_own_app NOLOGIN;\n"
        "CREATE SCHEMA own;\n"
        "CREATE TABLE own.items (id serial PRIMARY KEY);\n"
        "CREATE TABLE own.notes (id integer);\n"
        "CREATE FUNCTION own.f() RETURNS integer LANGUAGE sql AS 'SELECT 1';\n"
        "ALTER TABLE own.items OWNER TO tk_own_app;\n"
        "ALTER FUNCTION own.f() OWNER TO tk_own_app;\n");
  write("flick.toml", "schema = \"db/*.sql\"\nout = \"drizzle\"\n[privileges]\nmanage = true\n");
  Project project = Project::load({.config = (dir_ / "flick.toml").string(), .url = url});
  GenerateReport generated = generate(project);
  ASSERT_EQ(generated.written.size(), 1u);
  std::string sql = read(generated.written[0].sql_path);
  EXPECT_NE(sql.find("ALTER TABLE \"own\".\"items\" OWNER TO \"tk_own_app\";"), std::string::npos)
      << sql;
  EXPECT_NE(sql.find("ALTER FUNCTION \"own\".\"f\"() OWNER TO \"tk_own_app\";"), std::string::npos)
      << sql;
  EXPECT_EQ(sql.find("\"notes\" OWNER"), std::string::npos) << sql;
  ASSERT_TRUE(migrate(project).ok());
  EXPECT_EQ(value(url, "SELECT tableowner FROM pg_tables WHERE tablename = 'items'"), "tk_own_app");
  EXPECT_EQ(value(url,
                  "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = "
                  "'items_id_seq'"),
            "tk_own_app")
      << "the serial's sequence moves with its table";
  EXPECT_EQ(value(url,
                  "SELECT tableowner = current_user FROM pg_tables WHERE tablename = "
                  "'notes'"),
            "t");
  EXPECT_TRUE(generate(project).written.empty());
  EXPECT_FALSE(drift(project).drifted());

  // notes has no owner in the schema: giving it one by hand is not drift. items losing its
  // owner is.
  {
    pg::Connection connection(url);
    connection.exec("ALTER TABLE own.notes OWNER TO tk_own_app");
    connection.exec("ALTER TABLE own.items OWNER TO CURRENT_USER");
  }
  DriftReport drifted = drift(project);
  ASSERT_TRUE(drifted.drifted());
  ASSERT_EQ(drifted.differences.size(), 1u);
  EXPECT_EQ(drifted.differences[0],
            "table \"own\".\"items\" is owned by the connecting role in the database, by "
            "\"tk_own_app\" in the schema");
}

// [privileges] manage = true: roles, grants and default privileges go through generate, migrate,
// drift and pull; a grant made by hand is drift; without the option the same schema file's
// grants are left out of the migration altogether.
TEST_F(ToolkitDatabaseTest, ManagedPrivilegesConvergeAndAHandMadeGrantIsDrift) {
  std::string url = create_database("tk_privileges");
  write("db/schema.sql",
        "CREATE ROLE tk_priv_app NOLOGIN;\n"
        "CREATE SCHEMA app;\n"
        "ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO tk_priv_app;\n"
        "CREATE TABLE app.items (id serial PRIMARY KEY, name text, cost integer);\n"
        "CREATE FUNCTION app.total() RETURNS bigint LANGUAGE sql AS "
        "$$ SELECT sum(cost) FROM app.items $$;\n"
        "GRANT USAGE ON SCHEMA app TO tk_priv_app;\n"
        "GRANT INSERT (name) ON app.items TO tk_priv_app;\n"
        "GRANT USAGE ON SEQUENCE app.items_id_seq TO tk_priv_app;\n"
        "REVOKE EXECUTE ON FUNCTION app.total() FROM PUBLIC;\n"
        "GRANT EXECUTE ON FUNCTION app.total() TO tk_priv_app;\n");
  write("flick.toml", "schema = \"db/*.sql\"\nout = \"drizzle\"\n[privileges]\nmanage = true\n");
  Project project = Project::load({.config = (dir_ / "flick.toml").string(), .url = url});
  GenerateReport generated = generate(project);
  ASSERT_EQ(generated.written.size(), 1u);
  std::string sql = read(generated.written[0].sql_path);
  EXPECT_NE(sql.find("GRANT INSERT (\"name\") ON TABLE \"app\".\"items\" TO \"tk_priv_app\""),
            std::string::npos)
      << sql;
  ASSERT_TRUE(migrate(project).ok());
  EXPECT_EQ(value(url,
                  "SELECT has_column_privilege('tk_priv_app', 'app.items', 'name', "
                  "'INSERT')::text"),
            "true");
  EXPECT_EQ(value(url,
                  "SELECT has_column_privilege('tk_priv_app', 'app.items', 'cost', "
                  "'INSERT')::text"),
            "false");
  EXPECT_EQ(value(url, "SELECT has_table_privilege('tk_priv_app', 'app.items', 'SELECT')::text"),
            "true")
      << "from the default privileges";
  EXPECT_EQ(value(url, "SELECT has_function_privilege('public', 'app.total()', 'EXECUTE')::text"),
            "false");
  EXPECT_TRUE(generate(project).written.empty());
  DriftReport clean = drift(project);
  EXPECT_FALSE(clean.drifted()) << (clean.differences.empty() ? "" : clean.differences[0]);

  // A grant by hand is drift, named.
  {
    pg::Connection connection(url);
    connection.exec("GRANT DELETE ON app.items TO tk_priv_app");
  }
  DriftReport drifted = drift(project);
  ASSERT_TRUE(drifted.drifted());
  ASSERT_EQ(drifted.differences.size(), 1u);
  EXPECT_EQ(drifted.differences[0],
            "DELETE on table app.items to tk_priv_app: in the database, not in the schema");

  // The same schema file, privileges not managed: no role, no grant in the migration.
  fs::remove_all(dir_ / "drizzle");
  write("flick.toml", "schema = \"db/*.sql\"\nout = \"drizzle\"\n");
  Project unmanaged = Project::load({.config = (dir_ / "flick.toml").string(), .url = url});
  GenerateReport plain = generate(unmanaged);
  ASSERT_EQ(plain.written.size(), 1u);
  std::string plain_sql = read(plain.written[0].sql_path);
  EXPECT_EQ(plain_sql.find("GRANT"), std::string::npos) << plain_sql;
  EXPECT_EQ(plain_sql.find("ROLE"), std::string::npos) << plain_sql;
  EXPECT_EQ(plain_sql.find("REVOKE"), std::string::npos) << plain_sql;
  EXPECT_EQ(plain_sql.find("DEFAULT PRIVILEGES"), std::string::npos) << plain_sql;
}

}  // namespace
}  // namespace flick::toolkit
