// flick pull / push / drift run as processes against databases of the test cluster.

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "introspect/introspect_support.hpp"
#include "migrate/flick_process.hpp"
#include "pg/pg.hpp"
#include "support/catalog_dump.hpp"
#include "support/line_diff.hpp"
#include "support/test_cluster.hpp"
#include "synthetic_schema.hpp"
#include "write_sql.hpp"

namespace flick::testing {
namespace {

namespace fs = std::filesystem;

const fs::path kSource = FLICK_SOURCE_DIR;

std::string scalar(const std::string& url, const std::string& sql) {
  pg::Connection connection(url);
  return connection.exec(sql).value(0, 0);
}

std::string describe(const FlickRun& run) {
  return run.command + "\nexit " + std::to_string(run.exit_code) + "\nstdout:\n" + run.out +
         "\nstderr:\n" + run.err;
}

std::vector<std::string> schema_args(const std::vector<fs::path>& files) {
  std::vector<std::string> args;
  for (const fs::path& file : files) {
    args.push_back("--schema");
    args.push_back(file.string());
  }
  return args;
}

std::vector<std::string> concat(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// The pulled schema files under `dir` (any depth), sorted.
std::vector<fs::path> pulled_files(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.path().extension() == ".sql") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// pull writes files and a baseline; generate from those files against the baseline's snapshot
// then finds nothing to do, and the baseline is recorded as applied.
void expect_pull_then_no_changes(const std::string& name, const std::vector<fs::path>& files,
                                 bool split) {
  std::string url = create_database(name);
  apply_files(url, files);
  fs::path project = make_temp_dir(name);
  std::vector<std::string> args = {"pull",
                                   "--url",
                                   url,
                                   "--out",
                                   (project / "drizzle").string(),
                                   "--out-schema",
                                   (project / "schema").string()};
  if (split) args.push_back("--split");
  FlickRun pull = run_flick(args);
  ASSERT_EQ(pull.exit_code, 0) << describe(pull);
  EXPECT_EQ(scalar(url, "SELECT count(*) FROM drizzle.__drizzle_migrations"), "1");
  FlickRun generate = run_flick(concat({"generate", "--out", (project / "drizzle").string()},
                                       schema_args(pulled_files(project / "schema"))));
  ASSERT_EQ(generate.exit_code, 0) << describe(generate);
  EXPECT_NE(generate.out.find("No schema changes"), std::string::npos) << describe(generate);
  // The pulled files build the same database again.
  std::string again = create_database(name + "_again");
  apply_files(again, pulled_files(project / "schema"));
  EXPECT_TRUE(
      same_text("original", catalog_dump(url), "rebuilt from pulled files", catalog_dump(again)));
  fs::remove_all(project);
}

// Children in schemas read before their parent's (soft deletion across schemas, a grandchild):
// pull writes them where the parent is, so the files read back; both layouts.
TEST(Pull, InheritanceAcrossSchemasThenGenerateHasNoChanges) {
  expect_pull_then_no_changes("pull_inheritance",
                              {kSource / "tests/data/inheritance/logical_delete.sql"}, false);
  expect_pull_then_no_changes("pull_inheritance_split",
                              {kSource / "tests/data/inheritance/logical_delete.sql"}, true);
}

TEST(Pull, FlickSchemaThenGenerateHasNoChanges) {
  expect_pull_then_no_changes("pull_flick", sql_files(kSource / "examples/flick/schema"), false);
}

TEST(Pull, EvolutionLastStepSplitThenGenerateHasNoChanges) {
  expect_pull_then_no_changes("pull_step14", sql_files(kSource / "tests/data/evolution/step14"),
                              true);
}

TEST(Pull, ThousandTablesThenGenerateHasNoChanges) {
  fs::path dir = make_temp_dir("synth1000_pull");
  bench::write_sql(bench::make_synthetic_schema(1000), dir, 100);
  expect_pull_then_no_changes("pull_synth1000", sql_files(dir), false);
  fs::remove_all(dir);
}

// Extensions, functions, procedures and triggers are pulled, read back equal, and rebuild the
// same database.
TEST(Pull, RoutinesThenGenerateHasNoChanges) {
  expect_pull_then_no_changes("pull_routines", {kSource / "tests/data/routines/saas.sql"}, false);
  // Split: without SQL-language functions (those go to _views.sql, which, like views, must be
  // applied after the table files, not in name order).
  expect_pull_then_no_changes("pull_routines_split", {kSource / "tests/data/routines/split.sql"},
                              true);
}

// Table inheritance, a disabled trigger, a collation and a range type: read back equal (no
// drift), then each changed by hand is named, and drift's SQL puts them back.
TEST(Drift, NamesInheritanceTriggerStateCollationAndRangeTypeChangedByHand) {
  fs::path project = make_temp_dir("drift_kinds");
  write_text(project / "schema.sql",
             "CREATE COLLATION ci (provider = icu, locale = 'und-u-ks-level2', "
             "deterministic = false);\n"
             "CREATE TYPE price_band AS RANGE (subtype = numeric);\n"
             "CREATE TABLE parent_t (id integer NOT NULL, CONSTRAINT parent_t_id CHECK (id > 0));\n"
             "CREATE TABLE child_t (note text COLLATE ci, band price_band) INHERITS (parent_t);\n"
             "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS "
             "$$ BEGIN RETURN NEW; END $$;\n"
             "CREATE TRIGGER child_touch BEFORE UPDATE ON child_t FOR EACH ROW "
             "EXECUTE FUNCTION touch();\n");
  std::string schema = (project / "schema.sql").string();
  std::string url = create_database("drift_kinds");
  apply_files(url, {project / "schema.sql"});
  FlickRun clean = run_flick({"drift", "--url", url, "--schema", schema});
  ASSERT_EQ(clean.exit_code, 0) << describe(clean);
  apply_sql(url,
            "ALTER TABLE child_t DISABLE TRIGGER child_touch;"
            "ALTER TABLE child_t NO INHERIT parent_t;"
            "CREATE COLLATION stray_ci (provider = icu, locale = 'und', deterministic = false);"
            "CREATE TYPE stray_range AS RANGE (subtype = integer);");
  FlickRun drift = run_flick({"drift", "--url", url, "--schema", schema, "--json"});
  ASSERT_EQ(drift.exit_code, 1) << describe(drift);
  nlohmann::json report = nlohmann::json::parse(drift.out);
  std::vector<std::string> lines = report["differences"];
  std::sort(lines.begin(), lines.end());
  std::vector<std::string> expected = {
      "collation \"stray_ci\" is in the database, not in the schema",
      "range type \"stray_range\" is in the database, not in the schema",
      "table \"child_t\" does not inherit from \"parent_t\" in the database, INHERITS it in the "
      "schema",
      "trigger \"child_touch\" on \"child_t\" is enabled in the schema, not in the database",
  };
  EXPECT_EQ(lines, expected) << drift.out;
  std::string sql;
  for (const auto& statement : report["sql"]) sql += statement.get<std::string>() + "\n";
  apply_sql(url, sql);
  FlickRun after = run_flick({"drift", "--url", url, "--schema", schema});
  EXPECT_EQ(after.exit_code, 0) << describe(after);
  EXPECT_EQ(scalar(url, "SELECT tgenabled FROM pg_trigger WHERE tgname = 'child_touch'"), "O");
  EXPECT_EQ(scalar(url, "SELECT count(*) FROM pg_inherits"), "1");
  fs::remove_all(project);
}

// A function body and a trigger changed by hand are named by drift; its SQL puts them back.
TEST(Drift, NamesAFunctionAndATriggerChangedByHand) {
  fs::path schema = kSource / "tests/data/routines/saas.sql";
  std::string url = create_database("drift_routines");
  apply_files(url, {schema});
  FlickRun clean = run_flick({"drift", "--url", url, "--schema", schema.string()});
  ASSERT_EQ(clean.exit_code, 0) << describe(clean);
  apply_sql(url,
            "CREATE OR REPLACE FUNCTION app.set_updated_at() RETURNS trigger LANGUAGE plpgsql "
            "AS $$ BEGIN RETURN NEW; END $$;"
            "DROP TRIGGER members_updated_at ON app.members;"
            "CREATE TRIGGER members_updated_at BEFORE INSERT OR UPDATE ON app.members "
            "FOR EACH ROW EXECUTE FUNCTION app.set_updated_at();"
            "CREATE FUNCTION app.stray() RETURNS int LANGUAGE sql AS 'SELECT 1';");
  FlickRun drift = run_flick({"drift", "--url", url, "--schema", schema.string(), "--json"});
  ASSERT_EQ(drift.exit_code, 1) << describe(drift);
  nlohmann::json report = nlohmann::json::parse(drift.out);
  std::vector<std::string> lines = report["differences"];
  std::sort(lines.begin(), lines.end());
  std::vector<std::string> expected = {
      "function \"app\".\"set_updated_at\"() is defined differently in the database and in "
      "the schema (its body or options)",
      "function \"app\".\"stray\"() is in the database, not in the schema",
      "trigger \"members_updated_at\" on \"app\".\"members\" is defined differently in the "
      "database and in the schema",
  };
  EXPECT_EQ(lines, expected) << drift.out;
  std::string sql;
  for (const auto& statement : report["sql"]) sql += statement.get<std::string>() + "\n";
  apply_sql(url, sql);
  FlickRun after = run_flick({"drift", "--url", url, "--schema", schema.string()});
  EXPECT_EQ(after.exit_code, 0) << describe(after);
  EXPECT_EQ(scalar(url, "SELECT count(*) FROM pg_proc WHERE proname = 'stray'"), "0");
}

// Every privilege of the objects of schema `app`, the schema's own and the default privileges,
// one line each, sorted: two databases built from one schema print the same.
std::string app_privileges(const std::string& url) {
  pg::Connection connection(url);
  pg::Result result = connection.exec(
      "SELECT 'relation ' || c.relname || ' ' || coalesce(c.relacl::text, '-') FROM pg_class c "
      "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'app' "
      "UNION ALL SELECT 'routine ' || p.proname || ' ' || coalesce(p.proacl::text, '-') "
      "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'app' "
      "UNION ALL SELECT 'type ' || t.typname || ' ' || coalesce(t.typacl::text, '-') FROM pg_type "
      "t "
      "JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'app' AND t.typtype <> 'c' "
      "UNION ALL SELECT 'schema app ' || coalesce(nspacl::text, '-') FROM pg_namespace "
      "WHERE nspname = 'app' "
      "UNION ALL SELECT 'default ' || defaclobjtype::text || ' ' || defaclacl::text FROM "
      "pg_default_acl "
      "ORDER BY 1");
  std::string text;
  for (int row = 0; row < result.rows(); ++row) text += result.value(row, 0) + "\n";
  return text;
}

// The SaaS schema of tests/data/saas (pgcrypto, citext and btree_gist; domains; an updated_at
// trigger on every table and an audit trigger; a partitioned audit table with monthly
// partitions; an exclusion constraint; row-level security; an application role with grants and
// default privileges, managed with [privileges] manage = true) through the whole toolkit:
// export then apply, pull then generate, push from empty, drift.
TEST(SaasSchema, ExportPullPushAndDriftAgree) {
  fs::path schema = kSource / "tests/data/saas/schema.sql";
  fs::path project = make_temp_dir("saas");
  fs::path config = project / "flick.toml";
  write_text(config, fmt::format("schema = \"{}\"\nout = \"{}\"\n[privileges]\nmanage = true\n",
                                 schema.string(), (project / "drizzle").string()));

  // export, applied to an empty database, builds what the schema says.
  FlickRun exported = run_flick({"export", "--config", config.string()});
  ASSERT_EQ(exported.exit_code, 0) << describe(exported);
  std::string applied = create_database("saas_exported");
  apply_sql(applied, exported.out);
  EXPECT_EQ(scalar(applied, "SELECT has_table_privilege('saas_app', 'app.invoices', 'INSERT')"),
            "t");
  EXPECT_EQ(scalar(applied,
                   "SELECT has_function_privilege('public', 'app.user_count(uuid)', "
                   "'EXECUTE')"),
            "f");
  EXPECT_EQ(scalar(applied,
                   "SELECT count(*) FROM pg_inherits WHERE inhparent = "
                   "'app.audit_log'::regclass"),
            "4");

  // pull writes files that generate reads back as the same schema; the role is declared plainly.
  FlickRun pull =
      run_flick({"pull", "--config", config.string(), "--url", applied, "--out",
                 (project / "drizzle").string(), "--out-schema", (project / "pulled").string()});
  ASSERT_EQ(pull.exit_code, 0) << describe(pull);
  EXPECT_EQ(read_text(project / "pulled/_roles.sql"),
            "-- Roles, written by flick pull.\n\nCREATE ROLE \"saas_app\" WITH NOLOGIN NOCREATEDB "
            "NOCREATEROLE INHERIT NOBYPASSRLS CONNECTION LIMIT -1;\n");
  FlickRun generate = run_flick(
      concat({"generate", "--config", config.string(), "--out", (project / "drizzle").string()},
             schema_args(pulled_files(project / "pulled"))));
  ASSERT_EQ(generate.exit_code, 0) << describe(generate);
  EXPECT_NE(generate.out.find("No schema changes"), std::string::npos) << describe(generate);

  // push from empty reaches the same catalog and the same privileges.
  std::string pushed = create_database("saas_pushed");
  FlickRun push = run_flick({"push", "--config", config.string(), "--url", pushed, "--force"});
  ASSERT_EQ(push.exit_code, 0) << describe(push);
  EXPECT_TRUE(same_text("exported and applied", catalog_dump(applied), "pushed from empty",
                        catalog_dump(pushed)));
  EXPECT_EQ(app_privileges(applied), app_privileges(pushed));
  for (const std::string& url : {applied, pushed}) {
    FlickRun drift = run_flick(
        {"drift", "--config", config.string(), "--url", url, "--schema", schema.string()});
    EXPECT_EQ(drift.exit_code, 0) << describe(drift);
  }

  // A function body, a trigger and a grant changed by hand are named by drift, and its SQL
  // puts them back.
  apply_sql(pushed,
            "CREATE OR REPLACE FUNCTION app.set_updated_at() RETURNS trigger LANGUAGE plpgsql "
            "AS $$ BEGIN RETURN NEW; END $$;"
            "DROP TRIGGER invoices_audit ON app.invoices;"
            "CREATE TRIGGER invoices_audit AFTER INSERT ON app.invoices "
            "FOR EACH ROW EXECUTE FUNCTION app.record_audit();"
            "REVOKE DELETE ON app.invoices FROM saas_app;");
  FlickRun drift = run_flick({"drift", "--config", config.string(), "--url", pushed, "--schema",
                              schema.string(), "--json"});
  ASSERT_EQ(drift.exit_code, 1) << describe(drift);
  nlohmann::json report = nlohmann::json::parse(drift.out);
  std::vector<std::string> lines = report["differences"];
  std::sort(lines.begin(), lines.end());
  std::vector<std::string> expected = {
      "DELETE on table app.invoices to saas_app: in the schema, not in the database",
      "function \"app\".\"set_updated_at\"() is defined differently in the database and in "
      "the schema (its body or options)",
      "trigger \"invoices_audit\" on \"app\".\"invoices\" is defined differently in the "
      "database and in the schema",
  };
  EXPECT_EQ(lines, expected) << drift.out;
  std::string sql;
  for (const auto& statement : report["sql"]) sql += statement.get<std::string>() + "\n";
  apply_sql(pushed, sql);
  EXPECT_TRUE(
      same_text("exported and applied", catalog_dump(applied), "repaired", catalog_dump(pushed)));
  EXPECT_EQ(app_privileges(applied), app_privileges(pushed));
  fs::remove_all(project);
}

// Each golden case with routines, applied to PostgreSQL: from.sql, then push to to.sql (the
// golden diff's statements, in one transaction), then no drift from to.sql.
TEST(Push, RoutineChangesRunOnPostgres) {
  for (const char* name :
       {"routines_create", "routines_change", "domains", "table_storage", "partitions",
        "partitions_parent_renamed_or_dropped", "composite_types", "function_row_types"}) {
    fs::path dir = kSource / "tests/golden/cases" / name;
    std::vector<std::string> answers;  // the case's rename / drop flags, one per line
    if (fs::exists(dir / "flags")) {
      std::istringstream flags(read_text(dir / "flags"));
      for (std::string flag, value; flags >> flag >> value;) {
        answers.push_back(flag);
        answers.push_back(value);
      }
    }
    std::string url = create_database(std::string("push_") + name);
    apply_files(url, {dir / "from.sql"});
    FlickRun push = run_flick(
        concat({"push", "--url", url, "--force", "--schema", (dir / "to.sql").string()}, answers));
    ASSERT_EQ(push.exit_code, 0) << name << "\n" << describe(push);
    FlickRun drift = run_flick({"drift", "--url", url, "--schema", (dir / "to.sql").string()});
    EXPECT_EQ(drift.exit_code, 0) << name << "\n" << describe(drift);

    // The interpreter follows the generated migrations: check finds the snapshots it replays.
    fs::path project = make_temp_dir(std::string("replay_") + name);
    fs::path out = project / "drizzle";
    ASSERT_EQ(
        run_flick({"generate", "--schema", (dir / "from.sql").string(), "--out", out.string()})
            .exit_code,
        0)
        << name;
    FlickRun second = run_flick(concat(
        {"generate", "--schema", (dir / "to.sql").string(), "--out", out.string()}, answers));
    ASSERT_EQ(second.exit_code, 0) << name << "\n" << describe(second);
    FlickRun check =
        run_flick({"check", "--out", out.string(), "--schema", (dir / "to.sql").string()});
    EXPECT_EQ(check.exit_code, 0) << name << "\n" << describe(check);
    EXPECT_NE(check.out.find("0 errors, 0 warnings"), std::string::npos) << name << "\n"
                                                                         << check.out;
    fs::remove_all(project);
  }
}

TEST(Pull, ListsWhatIsNotCovered) {
  std::string url = create_database("pull_not_covered");
  apply_sql(url,
            "CREATE TABLE notes (id integer PRIMARY KEY, body text, touched timestamptz);"
            "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN NEW.touched := now(); RETURN NEW; END $$;"
            "CREATE TRIGGER notes_touch BEFORE UPDATE ON notes FOR EACH ROW EXECUTE FUNCTION "
            "touch();"
            "CREATE TYPE pair AS (a integer, b integer);"
            "CREATE TYPE floatrange AS RANGE (subtype = float8);"
            "CREATE COLLATION ci (provider = icu, locale = 'und-u-ks-level2', "
            "deterministic = false);"
            "ALTER TABLE notes DISABLE TRIGGER notes_touch;"
            "CREATE RULE notes_keep AS ON DELETE TO notes DO INSTEAD NOTHING;");
  fs::path project = make_temp_dir("pull_not_covered");
  FlickRun pull =
      run_flick({"pull", "--url", url, "--no-baseline", "--out", (project / "drizzle").string(),
                 "--out-schema", (project / "schema").string()});
  ASSERT_EQ(pull.exit_code, 0) << describe(pull);
  // The function, the trigger (disabled), the composite and range types and the collation are
  // pulled now (the range type's constructor functions are the type's, not pulled); a rule is
  // listed.
  EXPECT_EQ(pull.err.find("function public.touch()"), std::string::npos) << pull.err;
  EXPECT_EQ(pull.err.find("trigger public.notes.notes_touch"), std::string::npos) << pull.err;
  EXPECT_EQ(pull.err.find("composite type public.pair"), std::string::npos) << pull.err;
  EXPECT_EQ(pull.err.find("range type public.floatrange"), std::string::npos) << pull.err;
  EXPECT_NE(pull.err.find("rule public.notes.notes_keep"), std::string::npos) << pull.err;
  std::string file = read_text(project / "schema" / "public.sql");
  EXPECT_NE(file.find("--   rule public.notes.notes_keep"), std::string::npos) << file;
  EXPECT_NE(file.find("CREATE TYPE \"public\".\"floatrange\" AS RANGE (SUBTYPE = double "
                      "precision);"),
            std::string::npos)
      << file;
  EXPECT_EQ(file.find("FUNCTION public.floatrange"), std::string::npos) << file;
  EXPECT_NE(file.find("CREATE COLLATION \"public\".\"ci\" (provider = icu, locale = "
                      "'und-u-ks-level2', deterministic = false);"),
            std::string::npos)
      << file;
  EXPECT_NE(file.find("ALTER TABLE \"notes\" DISABLE TRIGGER \"notes_touch\";"), std::string::npos)
      << file;
  EXPECT_NE(file.find("CREATE TYPE \"public\".\"pair\" AS (\"a\" integer, \"b\" integer);"),
            std::string::npos)
      << file;
  EXPECT_NE(file.find("CREATE TRIGGER notes_touch BEFORE UPDATE ON public.notes"),
            std::string::npos)
      << file;
  EXPECT_NE(file.find("CREATE OR REPLACE FUNCTION public.touch()"), std::string::npos) << file;
  EXPECT_FALSE(fs::exists(project / "drizzle")) << "--no-baseline wrote a migration";
  fs::remove_all(project);
}

// Keys, uniques and foreign keys have connoinherit set by PostgreSQL 15: not "not covered".
TEST(Pull, ConstraintsAreNotListedAsNoInherit) {
  std::string url = create_database("pull_no_inherit");
  apply_sql(url,
            "CREATE TABLE a (id integer PRIMARY KEY, code text UNIQUE);"
            "CREATE TABLE b (id integer PRIMARY KEY, a_id integer REFERENCES a (id),"
            " n integer CONSTRAINT n_positive CHECK (n > 0) NO INHERIT);");
  fs::path project = make_temp_dir("pull_no_inherit");
  FlickRun pull =
      run_flick({"pull", "--url", url, "--no-baseline", "--out", (project / "drizzle").string(),
                 "--out-schema", (project / "schema").string()});
  ASSERT_EQ(pull.exit_code, 0) << describe(pull);
  EXPECT_NE(pull.err.find("NO INHERIT constraint public.b.n_positive"), std::string::npos)
      << pull.err;
  EXPECT_EQ(pull.err.find("a_pkey"), std::string::npos) << pull.err;
  EXPECT_EQ(pull.err.find("a_code_key"), std::string::npos) << pull.err;
  EXPECT_EQ(pull.err.find("b_a_id_fkey"), std::string::npos) << pull.err;
  fs::remove_all(project);
}

// A policy whose subquery compares with its own table ("t"."id") is aligned on a copy named like
// the table: no false "change policy" (seen on a real project's folder).
TEST(Drift, PolicyReferringToItsOwnTableIsNoDrift) {
  std::string url = create_database("drift_policy_self");
  apply_sql(url,
            "CREATE SCHEMA auth; CREATE FUNCTION auth.uid() RETURNS integer LANGUAGE sql AS "
            "'SELECT 1'; CREATE TABLE m (pid integer, uid integer);"
            "CREATE TABLE t (id integer PRIMARY KEY NOT NULL);"
            "ALTER TABLE t ENABLE ROW LEVEL SECURITY;"
            "CREATE POLICY p ON t USING (exists (select 1 from m where m.pid = \"t\".\"id\" and "
            "m.uid = (select auth.uid())));");
  fs::path project = make_temp_dir("drift_policy_self");
  write_text(project / "schema.sql",
             "CREATE SCHEMA \"auth\";\nCREATE FUNCTION auth.uid() RETURNS integer LANGUAGE sql "
             "AS 'SELECT 1';\nCREATE TABLE \"m\" (\"pid\" integer, \"uid\" integer);\n"
             "CREATE TABLE \"t\" (\"id\" integer PRIMARY KEY NOT NULL);\n"
             "ALTER TABLE \"t\" ENABLE ROW LEVEL SECURITY;\n"
             "CREATE POLICY \"p\" ON \"t\" AS PERMISSIVE FOR ALL TO public USING (exists (select 1 "
             "from m where m.pid = \"t\".\"id\" and m.uid = (select auth.uid())));\n");
  FlickRun drift =
      run_flick({"drift", "--url", url, "--schema", (project / "schema.sql").string()});
  EXPECT_EQ(drift.exit_code, 0) << describe(drift);
  EXPECT_NE(drift.out.find("No drift"), std::string::npos) << describe(drift);
  fs::remove_all(project);
}

// drift says what differs in the data's terms: the enum value rows still use, counted.
TEST(Drift, EnumValueTheTargetLacksIsNamedWithItsRows) {
  std::string url = create_database("drift_enum_rows");
  apply_sql(url,
            "CREATE TYPE post_status AS ENUM ('draft', 'hidden', 'published');"
            "CREATE TABLE posts (id integer PRIMARY KEY NOT NULL, status post_status NOT NULL,"
            " history post_status[]);"
            "INSERT INTO posts VALUES (1, 'hidden', NULL), (2, 'draft', '{hidden}'),"
            " (3, 'published', NULL);");
  fs::path project = make_temp_dir("drift_enum_rows");
  write_text(project / "schema.sql",
             "CREATE TYPE \"post_status\" AS ENUM ('draft', 'published');\n"
             "CREATE TABLE \"posts\" (\"id\" integer PRIMARY KEY NOT NULL, \"status\" "
             "\"post_status\" NOT NULL, \"history\" \"post_status\"[]);\n");
  FlickRun drift =
      run_flick({"drift", "--url", url, "--schema", (project / "schema.sql").string()});
  EXPECT_EQ(drift.exit_code, 1) << describe(drift);
  EXPECT_NE(drift.out.find("enum \"public\".\"post_status\" has value 'hidden' in the database "
                           "that the target lacks (2 rows use it)"),
            std::string::npos)
      << describe(drift);
  fs::remove_all(project);
}

// drift says what differs from both sides, not only the statements that reconcile them; an
// object defined differently under the same name is one line with both definitions.
TEST(Drift, SaysWhatDiffersFromBothSides) {
  std::string url = create_database("drift_differences");
  apply_sql(url,
            "CREATE TYPE mood AS ENUM ('happy', 'meh', 'sad');"
            "CREATE TABLE users (id integer PRIMARY KEY NOT NULL, age integer, nick text,"
            " email text NOT NULL DEFAULT '', feeling mood);"
            "CREATE TABLE posts (id integer PRIMARY KEY NOT NULL, author integer,"
            " CONSTRAINT posts_author_fk FOREIGN KEY (author) REFERENCES users (id));"
            "CREATE INDEX posts_author_idx ON posts (author);"
            "CREATE TABLE legacy (id integer);");
  fs::path project = make_temp_dir("drift_differences");
  write_text(
      project / "schema.sql",
      "CREATE TYPE \"mood\" AS ENUM ('happy', 'sad', 'ecstatic');\n"
      "CREATE TABLE \"users\" (\"id\" integer PRIMARY KEY NOT NULL, \"age\" bigint,"
      " \"email\" text, \"feeling\" \"mood\", \"joined\" date);\n"
      "CREATE TABLE \"posts\" (\"id\" integer PRIMARY KEY NOT NULL, \"author\" integer,"
      " CONSTRAINT \"posts_author_fk\" FOREIGN KEY (\"author\") REFERENCES \"users\" (\"id\")"
      " ON DELETE cascade, CONSTRAINT \"posts_id_author_key\" UNIQUE (\"id\", \"author\"));\n"
      "CREATE INDEX \"posts_author_idx\" ON \"posts\" (\"author\" DESC);\n");
  FlickRun drift =
      run_flick({"drift", "--url", url, "--schema", (project / "schema.sql").string(), "--json"});
  ASSERT_EQ(drift.exit_code, 1) << describe(drift);
  nlohmann::json report = nlohmann::json::parse(drift.out);
  std::vector<std::string> lines = report["differences"];
  std::sort(lines.begin(), lines.end());
  std::vector<std::string> expected = {
      "column \"age\" of \"users\" is integer in the database, bigint in the schema",
      "column \"email\" of \"users\" defaults to `''` in the database, to nothing in the schema",
      "column \"email\" of \"users\" is NOT NULL in the database, nullable in the schema",
      "column \"joined\" of \"users\" (date) is in the schema, not in the database",
      "column \"nick\" of \"users\" (text) is in the database, not in the schema",
      "constraint \"posts_author_fk\" on \"posts\" is FOREIGN KEY (\"author\") REFERENCES "
      "\"users\" (\"id\") ON DELETE no action ON UPDATE no action in the database, FOREIGN KEY "
      "(\"author\") REFERENCES \"users\" (\"id\") ON DELETE cascade ON UPDATE no action in the "
      "schema",
      "constraint \"posts_id_author_key\" on \"posts\" (UNIQUE (\"id\", \"author\")) is in the "
      "schema, not in the database",
      "enum \"mood\" has 'meh' in the database that the schema lacks, and has 'ecstatic' in the "
      "schema that the database lacks",
      "index \"posts_author_idx\" is USING btree (\"author\") in the database, USING btree "
      "(\"author\" DESC) in the schema",
      "table \"legacy\" is in the database, not in the schema",
  };
  EXPECT_EQ(lines, expected) << drift.out;
  // The cure is still there, beside what differs.
  EXPECT_FALSE(report["changes"].empty());

  FlickRun text = run_flick({"drift", "--url", url, "--schema", (project / "schema.sql").string()});
  EXPECT_EQ(text.exit_code, 1);
  EXPECT_NE(text.out.find("  - table \"legacy\" is in the database, not in the schema\n"),
            std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("To reconcile it:"), std::string::npos) << text.out;
  fs::remove_all(project);
}

// --schema's glob decides where pull writes, or pull refuses it before reading anything.
TEST(Pull, SchemaGlobIsWhereTheFilesGo) {
  std::string url = create_database("pull_schema_glob");
  apply_sql(url, "CREATE TABLE notes (id integer PRIMARY KEY);");
  fs::path project = make_temp_dir("pull_schema_glob");
  std::string out = (project / "drizzle").string();
  FlickRun pull = run_flick({"pull", "--url", url, "--no-baseline", "--out", out, "--schema",
                             (project / "db" / "*.sql").string()});
  ASSERT_EQ(pull.exit_code, 0) << describe(pull);
  EXPECT_TRUE(fs::exists(project / "db" / "public.sql"));
  EXPECT_FALSE(fs::exists(project / "schema"));

  FlickRun one_file = run_flick({"pull", "--url", url, "--no-baseline", "--out", out, "--schema",
                                 (project / "one" / "schema.sql").string()});
  EXPECT_EQ(one_file.exit_code, 2) << describe(one_file);
  EXPECT_NE(one_file.err.find("would not read back"), std::string::npos) << one_file.err;
  FlickRun split = run_flick({"pull", "--url", url, "--no-baseline", "--out", out, "--split",
                              "--schema", (project / "flat" / "*.sql").string()});
  EXPECT_EQ(split.exit_code, 2) << describe(split);
  EXPECT_FALSE(fs::exists(project / "one"));
  EXPECT_FALSE(fs::exists(project / "flat"));
  fs::remove_all(project);
}

// Every evolution step k database pushed with step k+1's files equals step k+1 built fresh.
class PushEvolution : public ::testing::TestWithParam<int> {};

std::string step_name(int step) { return fmt::format("step{:02}", step); }

std::vector<std::string> step_flags(const fs::path& dir) {
  std::vector<std::string> flags;
  if (!fs::exists(dir / "flags")) return flags;
  std::istringstream lines(read_text(dir / "flags"));
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && line[0] != '#') flags.push_back(line);
  }
  return flags;
}

TEST_P(PushEvolution, ReachesTheNextStep) {
  fs::path from_dir = kSource / "tests/data/evolution" / step_name(GetParam());
  fs::path to_dir = kSource / "tests/data/evolution" / step_name(GetParam() + 1);
  std::string url = create_database("push_" + step_name(GetParam()));
  apply_files(url, sql_files(from_dir));
  FlickRun push =
      run_flick(concat(concat({"push", "--url", url, "--force"}, schema_args(sql_files(to_dir))),
                       step_flags(to_dir)));
  ASSERT_EQ(push.exit_code, 0) << describe(push);
  std::string fresh = create_database("push_fresh_" + step_name(GetParam() + 1));
  apply_files(fresh, sql_files(to_dir));
  EXPECT_TRUE(
      same_text("step pushed", catalog_dump(url), "next step built fresh", catalog_dump(fresh)));
  FlickRun again = run_flick(concat({"push", "--url", url}, schema_args(sql_files(to_dir))));
  EXPECT_EQ(again.exit_code, 0) << describe(again);
  EXPECT_NE(again.out.find("No schema changes"), std::string::npos) << describe(again);
}

INSTANTIATE_TEST_SUITE_P(Steps, PushEvolution, ::testing::Range(1, 14),
                         [](const auto& info) { return step_name(info.param); });

TEST(Push, RefusesDataLossWithoutTerminal) {
  std::string url = create_database("push_refuses");
  apply_sql(url,
            "CREATE TABLE people (id integer PRIMARY KEY, nick text, email text, age integer);"
            "INSERT INTO people VALUES (1, 'a', 'x@y', NULL), (2, 'b', 'x@y', 3);");
  fs::path dir = make_temp_dir("push_refuses");
  write_text(dir / "schema.sql",
             "CREATE TABLE people (id integer PRIMARY KEY, email text UNIQUE, "
             "age integer NOT NULL);\n");
  FlickRun push = run_flick({"push", "--url", url, "--schema", (dir / "schema.sql").string()});
  EXPECT_EQ(push.exit_code, 1) << describe(push);
  EXPECT_NE(push.err.find("drops column \"nick\""), std::string::npos) << push.err;
  EXPECT_NE(push.err.find("sets NOT NULL on \"age\" of \"public\".\"people\", which holds NULLs"),
            std::string::npos)
      << push.err;
  EXPECT_NE(push.err.find("which holds duplicated values"), std::string::npos) << push.err;
  EXPECT_NE(push.out.find("What differs:\n"), std::string::npos) << push.out;
  EXPECT_NE(push.out.find("  - column \"age\" of \"people\" is NOT NULL in the schema, nullable "
                          "in the database\n"),
            std::string::npos)
      << push.out;
  EXPECT_EQ(scalar(url,
                   "SELECT count(*) FROM information_schema.columns WHERE column_name = "
                   "'nick'"),
            "1");
  apply_sql(url,
            "UPDATE people SET age = 0 WHERE age IS NULL; UPDATE people SET email = 'z' "
            "WHERE id = 2");
  FlickRun forced = run_flick(
      {"push", "--url", url, "--force", "--verbose", "--schema", (dir / "schema.sql").string()});
  EXPECT_EQ(forced.exit_code, 0) << describe(forced);
  EXPECT_NE(forced.out.find("ALTER TABLE \"people\" DROP COLUMN \"nick\";"), std::string::npos)
      << forced.out;
  EXPECT_EQ(scalar(url, "SELECT count(*) FROM people"), "2");
  fs::remove_all(dir);
}

TEST(Drift, ReportsHandChangesAndItsSqlRemovesThem) {
  std::string url = create_database("drift_by_hand");
  apply_files(url, sql_files(kSource / "tests/data/evolution/step04"));
  fs::path project = make_temp_dir("drift");
  std::string out = (project / "drizzle").string();
  FlickRun pull = run_flick(
      {"pull", "--url", url, "--out", out, "--out-schema", (project / "schema").string()});
  ASSERT_EQ(pull.exit_code, 0) << describe(pull);
  FlickRun clean = run_flick({"drift", "--url", url, "--out", out});
  EXPECT_EQ(clean.exit_code, 0) << describe(clean);

  apply_sql(url,
            "ALTER TABLE users ADD COLUMN shoe_size integer;"
            "DROP INDEX users_email_lower_idx;"
            "ALTER TYPE mood ADD VALUE 'ecstatic';");
  FlickRun drift = run_flick({"drift", "--url", url, "--out", out, "--json"});
  ASSERT_EQ(drift.exit_code, 1) << describe(drift);
  nlohmann::json report = nlohmann::json::parse(drift.out);
  std::vector<std::string> changes = report["changes"];
  std::sort(changes.begin(), changes.end());
  ASSERT_EQ(changes.size(), 3u) << drift.out;
  EXPECT_EQ(changes[0], "create index \"users_email_lower_idx\" on \"public\".\"users\"");
  EXPECT_EQ(changes[1], "drop column \"shoe_size\" of \"public\".\"users\"");
  EXPECT_EQ(changes[2].rfind("rebuild enum \"public\".\"mood\"", 0), 0u) << changes[2];

  FlickRun text = run_flick({"drift", "--url", url, "--out", out});
  EXPECT_EQ(text.exit_code, 1);
  EXPECT_NE(text.out.find("ALTER TABLE \"users\" DROP COLUMN \"shoe_size\";"), std::string::npos)
      << text.out;

  std::string sql;
  for (const auto& statement : report["sql"]) sql += statement.get<std::string>() + "\n";
  apply_sql(url, sql);
  FlickRun after = run_flick({"drift", "--url", url, "--out", out});
  EXPECT_EQ(after.exit_code, 0) << describe(after);
  FlickRun against_files =
      run_flick({"drift", "--url", url, "--schema", (project / "schema" / "*.sql").string()});
  EXPECT_EQ(against_files.exit_code, 0) << describe(against_files);
  fs::remove_all(project);
}

}  // namespace
}  // namespace flick::testing

namespace flick::testing {
namespace {

// `pg_dump` (the cluster's own) run on `url` with `flags`; exits the test on failure.
std::string run_pg_dump(const std::string& url, const std::string& flags) {
  fs::path pg_dump = localdb::ClusterOptions{}.bin_dir / "pg_dump";
  std::string command = fmt::format("'{}' {} '{}'", pg_dump.string(), flags, url);
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("cannot run " + command);
  std::string out;
  char buffer[4096];
  std::size_t read = 0;
  while ((read = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, read);
  if (pclose(pipe) != 0) throw std::runtime_error(command + " failed");
  return out;
}

// The schema as pg_dump prints it, without owners, privileges, comments, the bookkeeping schema
// and pg_dump's comment lines and \restrict keys (random per run).
std::string comparable_dump(const std::string& url) {
  std::istringstream text(run_pg_dump(
      url, "--schema-only --no-owner --no-privileges --no-comments --exclude-schema=drizzle"));
  std::string out;
  for (std::string line; std::getline(text, line);) {
    if (line.empty() || line.starts_with("--") || line.starts_with("\\restrict") ||
        line.starts_with("\\unrestrict")) {
      continue;
    }
    out += line + "\n";
  }
  return out;
}

// A team adopting Flick dumps its database and points Flick at the dump as it is (SET header,
// set_config, OWNER TO, COMMENT ON EXTENSION, sequences OWNED BY their serial columns, identity
// added by ALTER TABLE, ALTER TABLE ONLY ... ADD CONSTRAINT, GRANTs, \restrict): generate +
// migrate build the same database, generate again and pull -> generate find nothing to do.
TEST(DumpAsSchema, GenerateAndMigrateReachTheDumpedDatabase) {
  std::string original = create_database("dump_original");
  apply_files(original, {kSource / "tests/data/dump/app.sql"});
  fs::path project = make_temp_dir("dump_as_schema");
  fs::path dump = project / "schema.sql";
  {
    std::ofstream out(dump, std::ios::binary);
    out << run_pg_dump(original, "--schema-only");
  }
  std::vector<std::string> generate = {"generate", "--schema", dump.string(), "--out",
                                       (project / "drizzle").string()};
  FlickRun first = run_flick(generate);
  ASSERT_EQ(first.exit_code, 0) << describe(first);
  std::string migrated = create_database("dump_migrated");
  FlickRun migrate =
      run_flick({"migrate", "--out", (project / "drizzle").string(), "--url", migrated});
  ASSERT_EQ(migrate.exit_code, 0) << describe(migrate);
  EXPECT_TRUE(same_text("pg_dump of the original", comparable_dump(original),
                        "pg_dump after generate + migrate", comparable_dump(migrated)));
  EXPECT_TRUE(same_text("original", catalog_dump(original), "migrated", catalog_dump(migrated)));
  FlickRun again = run_flick(generate);
  EXPECT_EQ(again.exit_code, 0) << describe(again);
  EXPECT_NE(again.out.find("No schema changes"), std::string::npos) << describe(again);

  fs::path pulled = project / "pulled";
  FlickRun pull = run_flick({"pull", "--url", migrated, "--out", (pulled / "drizzle").string(),
                             "--out-schema", (pulled / "schema").string()});
  ASSERT_EQ(pull.exit_code, 0) << describe(pull);
  FlickRun after_pull = run_flick(concat({"generate", "--out", (pulled / "drizzle").string()},
                                         schema_args(pulled_files(pulled / "schema"))));
  EXPECT_EQ(after_pull.exit_code, 0) << describe(after_pull);
  EXPECT_NE(after_pull.out.find("No schema changes"), std::string::npos) << describe(after_pull);
  fs::remove_all(project);
}

}  // namespace
}  // namespace flick::testing
