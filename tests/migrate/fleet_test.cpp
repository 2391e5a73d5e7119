// `flick migrate / status / drift --fleet` against three PostgreSQL 15 clusters this test starts:
// 40 databases on each and one database with 50 tenant schemas, one folder of 20 migrations.
// Every target converges by its own bookkeeping; a failing target is reported with its file and
// SQLSTATE while the others complete; a killed run resumes; canaries and --fail-fast stop early;
// a cluster stopped mid-run makes its targets unreachable (exit 3) and the rest converge.

#include <fmt/core.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "database_helpers.hpp"
#include "flick_process.hpp"
#include "migration_folder.hpp"
#include "pg/pg.hpp"
#include "support/test_cluster.hpp"

namespace flick::testing {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

constexpr int kClusters = 3;
constexpr int kDatabasesPerCluster = 40;
constexpr int kTenantSchemas = 50;
constexpr int kMigrations = 20;

struct FleetDatabase {
  std::string name;  // the target's name: "c1/a_07"
  std::string url;
};

class FleetTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    for (int cluster = 1; cluster <= kClusters; ++cluster) test_cluster(cluster);
  }

  void SetUp() override {
    dir_ = make_temp_dir("flick-fleet");
    write_folder(dir_ / "drizzle", counter_migrations(kMigrations));
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Databases <prefix>_00 .. on every cluster, in cluster order, named "c<N>/<database>".
  static std::vector<FleetDatabase> create_databases(const std::string& prefix, int per_cluster,
                                                     int clusters = kClusters) {
    std::vector<FleetDatabase> databases;
    for (int cluster = 1; cluster <= clusters; ++cluster) {
      localdb::LocalCluster& server = test_cluster(cluster);
      pg::Connection admin(server.url());
      for (int i = 0; i < per_cluster; ++i) {
        std::string name = fmt::format("{}_{:02}", prefix, i);
        admin.exec(fmt::format("DROP DATABASE IF EXISTS {} WITH (FORCE)", name));
        admin.exec(fmt::format("CREATE DATABASE {}", name));
        databases.push_back({fmt::format("c{}/{}", cluster, name), server.url(name)});
      }
    }
    return databases;
  }

  // A database on cluster 1 with schemas tenant_00 .. and one schema "other" the pattern misses.
  static std::string create_tenant_database(const std::string& name, int tenants) {
    localdb::LocalCluster& server = test_cluster(1);
    {
      pg::Connection admin(server.url());
      admin.exec(fmt::format("DROP DATABASE IF EXISTS {} WITH (FORCE)", name));
      admin.exec(fmt::format("CREATE DATABASE {}", name));
    }
    pg::Connection connection(server.url(name));
    std::string sql = "CREATE SCHEMA other;";
    for (int i = 0; i < tenants; ++i) sql += fmt::format("CREATE SCHEMA tenant_{:02};", i);
    connection.exec(sql);
    return server.url(name);
  }

  // flick.toml listing `databases`, then the tenant database (schemas "tenant_*") when given.
  fs::path write_config(const std::vector<FleetDatabase>& databases,
                        const std::string& tenant_url = "", const std::string& extra = "") {
    std::string targets;
    for (const FleetDatabase& database : databases) {
      targets += fmt::format("  {{ name = \"{}\", url = \"{}\" }},\n", database.name, database.url);
    }
    if (!tenant_url.empty()) {
      targets += fmt::format("  {{ name = \"tenants\", url = \"{}\", schemas = \"tenant_*\" }},\n",
                             tenant_url);
    }
    fs::path config = dir_ / "flick.toml";
    write_text(config,
               fmt::format("out = \"drizzle\"\n[fleet]\n{}targets = [\n{}]\n", extra, targets));
    return config;
  }

  FlickRun flick(const std::string& command, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {command, "--fleet", "--config",
                                     (dir_ / "flick.toml").string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_flick(args);
  }

  fs::path dir_;
};

int count_rows(const std::string& url, const std::string& table) {
  if (!relation_exists(url, table)) return 0;
  return std::stoi(query_value(url, "SELECT count(*) FROM " + table));
}

// Every migration applied exactly once: 20 bookkeeping rows and 20 distinct counter rows (one
// connection, one query).
void expect_converged(const std::string& url, const std::string& schema, const std::string& name) {
  std::string bookkeeping =
      schema.empty() ? "drizzle.__drizzle_migrations" : schema + ".__drizzle_migrations";
  std::string counter = (schema.empty() ? "public" : schema) + ".applied_counter";
  std::string counts = query_value(
      url, fmt::format("SELECT CASE WHEN to_regclass('{0}') IS NULL OR to_regclass('{1}') IS NULL "
                       "THEN 'missing' ELSE (SELECT count(*) FROM {0})::text || ' ' || (SELECT "
                       "count(*) || ' ' || count(DISTINCT tag) FROM {1}) END",
                       bookkeeping, counter));
  EXPECT_EQ(counts, fmt::format("{0} {0} {0}", kMigrations)) << name;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_F(FleetTest, EveryTargetConvergesAndTheFailingOneIsReportedWithFileAndSqlstate) {
  std::vector<FleetDatabase> databases = create_databases("a", kDatabasesPerCluster);
  std::string tenants = create_tenant_database("a_tenants", kTenantSchemas);
  // c2/a_07 already has the table migration 0012 creates.
  std::string failing_url = databases[kDatabasesPerCluster + 7].url;
  ASSERT_EQ(databases[kDatabasesPerCluster + 7].name, "c2/a_07");
  pg::Connection(failing_url).exec("CREATE TABLE t0012 (x int)");
  write_config(databases, tenants);

  FlickRun run = flick("migrate", {"--parallel", "8"});
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  EXPECT_TRUE(contains(run.out,
                       "fleet: 170 targets: 169 converged (169 applied, 0 up to date), "
                       "1 failed\n"))
      << run.out;
  EXPECT_TRUE(contains(run.out,
                       "c2/a_07: failed at 0012_step.sql statement 1 (line 1): relation "
                       "\"t0012\" already exists (SQLSTATE 42P07); 12 applied before it"))
      << run.out;
  EXPECT_TRUE(contains(run.out, "c3/a_39: applied 20 migrations"));
  EXPECT_TRUE(contains(run.out, "tenants/tenant_49: applied 20 migrations"));
  EXPECT_FALSE(contains(run.out, "tenants/other")) << "only schemas matching tenant_*";
  EXPECT_FALSE(contains(run.err, "warning")) << run.err;

  for (const FleetDatabase& database : databases) {
    if (database.url == failing_url) continue;
    expect_converged(database.url, "", database.name);
  }
  EXPECT_EQ(count_rows(failing_url, "drizzle.__drizzle_migrations"), 12);
  EXPECT_EQ(count_rows(failing_url, "public.applied_counter"), 12);
  for (int i = 0; i < kTenantSchemas; ++i) {
    expect_converged(tenants, fmt::format("tenant_{:02}", i), fmt::format("tenant_{:02}", i));
  }
  // Tenants keep their tables and bookkeeping in their own schema.
  EXPECT_FALSE(relation_exists(tenants, "public.applied_counter"));
  EXPECT_FALSE(relation_exists(tenants, "drizzle.__drizzle_migrations"));
  EXPECT_FALSE(relation_exists(tenants, "other.applied_counter"));

  // status --fleet: two positions, the failed target 8 migrations behind.
  FlickRun status = flick("status", {"--json"});
  ASSERT_EQ(status.exit_code, 0) << status.out << status.err;
  nlohmann::json report = nlohmann::json::parse(status.out);
  ASSERT_EQ(report["targets"].size(), 170u);
  ASSERT_EQ(report["positions"].size(), 2u) << report["positions"].dump(2);
  EXPECT_EQ(report["positions"][0]["lastApplied"], "0019_step");
  EXPECT_EQ(report["positions"][0]["pending"], 0);
  EXPECT_EQ(report["positions"][0]["targets"].size(), 169u);
  EXPECT_EQ(report["positions"][1]["lastApplied"], "0011_step");
  EXPECT_EQ(report["positions"][1]["pending"], 8);
  EXPECT_EQ(report["positions"][1]["targets"], nlohmann::json::array({"c2/a_07"}));
  FlickRun text = flick("status");
  EXPECT_EQ(text.exit_code, 0);
  EXPECT_TRUE(contains(text.out, "170 targets at 2 positions\n")) << text.out;
  EXPECT_TRUE(contains(text.out,
                       "169  at 0019_step, up to date (c1/a_00, c1/a_01, c1/a_02, "
                       "c1/a_03, c1/a_04 and 164 more)"))
      << text.out;
  EXPECT_TRUE(contains(text.out, "1  at 0011_step, 8 pending (c2/a_07)")) << text.out;

  // The conflict removed, running again converges the last target; nothing runs twice.
  pg::Connection(failing_url).exec("DROP TABLE t0012");
  FlickRun again = flick("migrate", {"--parallel", "8"});
  EXPECT_EQ(again.exit_code, 0) << again.out << again.err;
  EXPECT_TRUE(
      contains(again.out, "fleet: 170 targets: 170 converged (1 applied, 169 up to date)\n"))
      << again.out;
  expect_converged(failing_url, "", "c2/a_07");
  expect_converged(databases.front().url, "", databases.front().name);
}

TEST_F(FleetTest, AKilledRunResumesAndAppliesEachMigrationOncePerTarget) {
  std::vector<FleetDatabase> databases = create_databases("k", kDatabasesPerCluster);
  std::string tenants = create_tenant_database("k_tenants", kTenantSchemas);
  write_config(databases, tenants);
  {
    BackgroundFlick run(
        {"migrate", "--fleet", "--parallel", "2", "--config", (dir_ / "flick.toml").string()});
    // Wait until a few targets converged, then kill the run outright.
    auto deadline = std::chrono::steady_clock::now() + 60s;
    while (count_rows(databases[5].url, "drizzle.__drizzle_migrations") < kMigrations &&
           std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(20ms);
    }
    run.kill(SIGKILL);
    FlickRun killed = run.wait();
    EXPECT_EQ(killed.exit_code, 128 + SIGKILL);
  }
  int untouched = 0;
  for (const FleetDatabase& database : databases) {
    untouched += count_rows(database.url, "drizzle.__drizzle_migrations") == 0;
  }
  EXPECT_GT(untouched, 0) << "the run was killed half-way";
  EXPECT_EQ(count_rows(tenants, "tenant_49.__drizzle_migrations"), 0);

  FlickRun rerun = flick("migrate", {"--parallel", "8", "--lock-timeout", "30s"});
  EXPECT_EQ(rerun.exit_code, 0) << rerun.out << rerun.err;
  EXPECT_TRUE(contains(rerun.out, "fleet: 170 targets: 170 converged")) << rerun.out;
  for (const FleetDatabase& database : databases) expect_converged(database.url, "", database.name);
  for (int i = 0; i < kTenantSchemas; ++i) {
    expect_converged(tenants, fmt::format("tenant_{:02}", i), fmt::format("tenant_{:02}", i));
  }
}

TEST_F(FleetTest, AFailingCanaryStopsTheRunBeforeTheOtherTargets) {
  std::vector<FleetDatabase> databases = create_databases("y", 6, 1);
  pg::Connection(databases[0].url).exec("CREATE TABLE t0003 (x int)");
  write_config(databases);
  FlickRun run = flick("migrate", {"--canary", "2", "--parallel", "4"});
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  EXPECT_TRUE(contains(run.out, "c1/y_00: failed at 0003_step.sql statement 1 (line 1)"))
      << run.out;
  EXPECT_TRUE(contains(run.out, "c1/y_01: applied 20 migrations")) << run.out;
  EXPECT_TRUE(contains(run.out, "c1/y_05: not run: a canary target did not converge\n")) << run.out;
  EXPECT_TRUE(contains(run.out, "1 failed, 4 not run\n")) << run.out;
  EXPECT_TRUE(
      contains(run.out, "a canary target did not converge: the other targets were not run"));
  EXPECT_EQ(count_rows(databases[0].url, "drizzle.__drizzle_migrations"), 3);
  EXPECT_EQ(count_rows(databases[1].url, "drizzle.__drizzle_migrations"), kMigrations);
  for (int i = 2; i < 6; ++i) {
    EXPECT_FALSE(relation_exists(databases[i].url, "drizzle.__drizzle_migrations")) << i;
  }
  // --canary 1 naming a healthy first target lets the rest run (the failing one reported).
  pg::Connection(databases[0].url).exec("DROP TABLE t0003");
  FlickRun healthy = flick("migrate", {"--canary", "1", "--json"});
  EXPECT_EQ(healthy.exit_code, 0) << healthy.out << healthy.err;
  std::vector<nlohmann::json> lines;
  std::istringstream in(healthy.out);
  for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(lines.size(), 7u) << healthy.out;
  EXPECT_EQ(lines[0]["name"], "c1/y_00") << "the canary is done first";
  EXPECT_EQ(lines[0]["outcome"], "applied");
  EXPECT_EQ(lines[6]["event"], "summary");
  EXPECT_EQ(lines[6]["applied"], 5);
  EXPECT_EQ(lines[6]["upToDate"], 1);
  EXPECT_EQ(lines[6]["exitCode"], 0);
}

TEST_F(FleetTest, FailFastStartsNoTargetAfterAFailure) {
  std::vector<FleetDatabase> databases = create_databases("z", 5, 1);
  pg::Connection(databases[1].url).exec("CREATE TABLE t0000 (x int)");
  write_config(databases);
  FlickRun run = flick("migrate", {"--fail-fast", "--parallel", "1"});
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  EXPECT_TRUE(contains(run.out, "c1/z_01: failed at 0000_step.sql")) << run.out;
  EXPECT_TRUE(contains(run.out, "c1/z_04: not run: --fail-fast: another target did not converge\n"))
      << run.out;
  EXPECT_EQ(count_rows(databases[0].url, "drizzle.__drizzle_migrations"), kMigrations);
  for (int i = 2; i < 5; ++i) {
    EXPECT_FALSE(relation_exists(databases[i].url, "drizzle.__drizzle_migrations")) << i;
  }
}

TEST_F(FleetTest, TargetsFromAControlDatabaseQuery) {
  std::vector<FleetDatabase> databases = create_databases("q", 4, 1);
  std::string control = create_database("fleet_control");
  {
    pg::Connection connection(control);
    connection.exec("CREATE TABLE tenants (id text, db_url text, active boolean)");
    for (int i = 0; i < 4; ++i) {
      connection.exec_params(
          "INSERT INTO tenants VALUES ($1, $2, $3)",
          {fmt::format("tenant-{}", i), databases[i].url, i == 2 ? "false" : "true"});
    }
  }
  write_text(dir_ / "flick.toml",
             fmt::format("out = \"drizzle\"\n[fleet]\ncontrolUrl = \"{}\"\ntargetsQuery = "
                         "\"SELECT db_url AS url, id AS name FROM tenants WHERE active ORDER BY "
                         "id\"\n",
                         control));
  FlickRun run = flick("migrate");
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_TRUE(contains(run.out, "fleet: 3 targets: 3 converged (3 applied, 0 up to date)\n"))
      << run.out;
  EXPECT_TRUE(contains(run.out, "tenant-3: applied 20 migrations")) << run.out;
  EXPECT_FALSE(contains(run.out, "tenant-2")) << "inactive";
  EXPECT_FALSE(relation_exists(databases[2].url, "drizzle.__drizzle_migrations"));
  expect_converged(databases[3].url, "", "tenant-3");
}

TEST_F(FleetTest, BadFleetInputExitsTwoAndPasswordsAreNeverPrinted) {
  write_text(dir_ / "flick.toml", "out = \"drizzle\"\n");
  FlickRun none = flick("migrate");
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_TRUE(contains(none.err, "no fleet targets")) << none.err;
  FlickRun without = run_flick(
      {"migrate", "--config", (dir_ / "flick.toml").string(), "--target", "postgresql://h/db"});
  EXPECT_EQ(without.exit_code, 2);
  EXPECT_TRUE(contains(without.err, "--target works with --fleet only")) << without.err;
  FlickRun dry = flick("migrate", {"--dry-run", "--target", "postgresql://h/db"});
  EXPECT_EQ(dry.exit_code, 2);
  EXPECT_TRUE(contains(dry.err, "flick status --fleet")) << dry.err;
  FlickRun both =
      flick("migrate", {"--fail-fast", "--continue-on-error", "--target", "x=postgresql://h/db"});
  EXPECT_EQ(both.exit_code, 2) << both.err;
  FlickRun twice = flick("status", {"--target", "postgresql://h/db", "--target",
                                    "postgresql://u@h/db?sslmode=disable"});
  EXPECT_EQ(twice.exit_code, 2);
  EXPECT_TRUE(contains(twice.err, "two fleet targets are named \"h/db\"")) << twice.err;

  // An unreachable target with a password: reported by name, exit 3, the password nowhere.
  std::string healthy = create_database("fleet_healthy");
  FlickRun unreachable = flick(
      "migrate",
      {"--target", "gone=postgresql://app:S3cretPw@127.0.0.1:1/db", "--target", "ok=" + healthy});
  EXPECT_EQ(unreachable.exit_code, 3) << unreachable.out << unreachable.err;
  EXPECT_TRUE(contains(unreachable.out, "gone: unreachable: ")) << unreachable.out;
  EXPECT_TRUE(contains(unreachable.out, "1 converged (1 applied, 0 up to date), 1 unreachable"))
      << unreachable.out;
  FlickRun status =
      flick("status", {"--target", "gone=postgresql://app:S3cretPw@127.0.0.1:1/db", "--json"});
  EXPECT_EQ(status.exit_code, 3);
  for (const FlickRun* printed : {&unreachable, &status}) {
    EXPECT_FALSE(contains(printed->out + printed->err, "S3cretPw")) << printed->out << printed->err;
  }
}

TEST_F(FleetTest, DriftGroupsTargetsByTheirDifferences) {
  // A folder with a snapshot: generated from a schema file.
  fs::path project = dir_ / "drift";
  write_text(project / "schema" / "app.sql",
             "CREATE TABLE notes (id serial PRIMARY KEY, body text NOT NULL);\n");
  std::vector<FleetDatabase> databases = create_databases("d", 3, 1);
  std::string tenants = create_tenant_database("d_tenants", 2);
  std::string targets;
  for (const FleetDatabase& database : databases) {
    targets += fmt::format("{{ name = \"{}\", url = \"{}\" }}, ", database.name, database.url);
  }
  write_text(project / "flick.toml",
             fmt::format("out = \"drizzle\"\nschema = \"schema/*.sql\"\n[fleet]\ntargets = [{}"
                         "{{ name = \"tenants\", url = \"{}\", schemas = \"tenant_*\" }}]\n",
                         targets, tenants));
  std::string config = (project / "flick.toml").string();
  FlickRun generate = run_flick({"generate", "--config", config, "--name", "init"});
  ASSERT_EQ(generate.exit_code, 0) << generate.out << generate.err;
  FlickRun migrate = run_flick({"migrate", "--fleet", "--config", config});
  ASSERT_EQ(migrate.exit_code, 0) << migrate.out << migrate.err;
  pg::Connection(databases[1].url).exec("ALTER TABLE notes ADD COLUMN extra int");

  FlickRun drift = run_flick({"drift", "--fleet", "--config", config});
  EXPECT_EQ(drift.exit_code, 1) << drift.out << drift.err;
  EXPECT_TRUE(contains(drift.out, "2 targets: no drift\n  c1/d_00, c1/d_02\n")) << drift.out;
  EXPECT_TRUE(contains(drift.out, "1 target drifted (1 difference):\n  c1/d_01\n    - "))
      << drift.out;
  EXPECT_TRUE(contains(drift.out, "\"extra\"")) << drift.out;
  EXPECT_TRUE(
      contains(drift.out,
               "2 targets not compared: drift reads whole databases, not one tenant schema\n  "
               "tenants/tenant_00, tenants/tenant_01\n"))
      << drift.out;
  FlickRun json = run_flick({"drift", "--fleet", "--json", "--config", config});
  EXPECT_EQ(json.exit_code, 1);
  nlohmann::json report = nlohmann::json::parse(json.out);
  EXPECT_EQ(report["drifted"], true);
  EXPECT_EQ(report["targets"][1]["name"], "c1/d_01");
  EXPECT_EQ(report["targets"][1]["drifted"], true);
  EXPECT_EQ(report["targets"][0]["drifted"], false);
  pg::Connection(databases[1].url).exec("ALTER TABLE notes DROP COLUMN extra");
  FlickRun clean = run_flick({"drift", "--fleet", "--config", config});
  EXPECT_EQ(clean.exit_code, 0) << clean.out;
}

// drizzle-kit qualifies enums and foreign keys with "public" (CREATE TYPE "public"."kind" in a DO
// block, REFERENCES "public"."owners"), then uses the type unqualified: found applying a public
// project's folder to tenant schemas, where the type went to public and the table could not find
// it. On tenant schemas those names are moved into the tenant's schema (and reported), unless
// [fleet] moveQualifiedNames = false.
TEST_F(FleetTest, NamesQualifiedWithPublicRunInEachTenantsSchema) {
  std::string tenants = create_tenant_database("w_tenants", 2);
  pg::Connection(tenants).exec("CREATE TABLE public.owners (id int PRIMARY KEY, public_only int)");
  std::vector<TestMigration> folder = {
      {"0000_kinds",
       "DO $$ BEGIN\n CREATE TYPE \"public\".\"kind\" AS ENUM('a', 'b');\nEXCEPTION\n WHEN "
       "duplicate_object THEN null;\nEND $$;\n--> statement-breakpoint\n"
       "CREATE TABLE \"owners\" (\"id\" serial PRIMARY KEY);\n--> statement-breakpoint\n"
       "CREATE TABLE \"items\" (\"id\" serial PRIMARY KEY, \"kind\" \"kind\", \"owner\" int);\n"
       "--> statement-breakpoint\n"
       "ALTER TABLE \"items\" ADD CONSTRAINT \"items_owner_fk\" FOREIGN KEY (\"owner\") "
       "REFERENCES \"public\".\"owners\"(\"id\");\n--> statement-breakpoint\n"
       "COMMENT ON TABLE \"items\" IS 'copied from \"public\".items';\n",
       0}};
  write_folder(dir_ / "drizzle", folder);
  write_config({}, tenants);
  FlickRun run = flick("migrate");
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_TRUE(contains(run.err,
                       "warning: the migrations qualify names with \"public\" "
                       "(0000_kinds.sql:2, 0000_kinds.sql:11): on tenant "
                       "schemas they run qualified with the tenant's schema instead"))
      << run.err;
  for (const char* schema : {"tenant_00", "tenant_01"}) {
    EXPECT_EQ(
        query_value(tenants, fmt::format("SELECT confrelid::regclass::text FROM pg_constraint "
                                         "WHERE conname = 'items_owner_fk' AND connamespace "
                                         "= '{}'::regnamespace",
                                         schema)),
        fmt::format("{}.owners", schema));
    EXPECT_EQ(query_value(tenants, fmt::format("SELECT format_type(atttypid, NULL) FROM "
                                               "pg_attribute WHERE attrelid = '{}.items'::regclass "
                                               "AND attname = 'kind'",
                                               schema)),
              fmt::format("{}.kind", schema));
    EXPECT_EQ(
        query_value(tenants, fmt::format("SELECT obj_description('{}.items'::regclass)", schema)),
        "copied from \"public\".items")
        << "string literals are left as written";
  }
  EXPECT_EQ(query_value(tenants,
                        "SELECT count(*) FROM pg_type WHERE typname = 'kind' AND "
                        "typnamespace = 'public'::regnamespace"),
            "0");
  // The bookkeeping holds the files' hashes: a plain migrate of the same folder on a database
  // agrees with it, and a second fleet run finds nothing to do.
  EXPECT_EQ(query_value(tenants, "SELECT hash FROM tenant_00.__drizzle_migrations"),
            file_sha256(dir_ / "drizzle" / "0000_kinds.sql"));
  FlickRun again = flick("migrate");
  EXPECT_TRUE(contains(again.out, "2 converged (0 applied, 2 up to date)")) << again.out;

  // moveQualifiedNames = false: "public" keeps meaning public, and the warning says so; this
  // folder then fails as it did before the move existed (its type lands in public, its table,
  // looking in the tenant's schema, does not find it).
  std::string kept = create_tenant_database("w_kept", 1);
  write_config({}, kept, "moveQualifiedNames = false\n");
  FlickRun keep = flick("migrate");
  EXPECT_EQ(keep.exit_code, 1) << keep.out << keep.err;
  EXPECT_TRUE(contains(keep.err, "on tenant schemas those names still mean \"public\""))
      << keep.err;
  EXPECT_TRUE(contains(keep.out,
                       "tenants/tenant_00: failed at 0000_kinds.sql statement 3 (line 9): "
                       "type \"kind\" does not exist (SQLSTATE 42704)"))
      << keep.out;
  FlickRun json = flick("migrate", {"--json"});
  EXPECT_TRUE(contains(json.out, "\"warnings\":[\"the migrations name schema")) << json.out;
}

// Found applying a public project's folder to tenant schemas: a function installed once in public
// (an extension's, here PostgreSQL 16's any_value added for 15) is not found from a tenant's
// schema; [fleet] sharedSchemas puts public after it in search_path.
TEST_F(FleetTest, SharedSchemasAreSearchedAfterTheTenantsSchema) {
  std::string tenants = create_tenant_database("v_tenants", 2);
  pg::Connection(tenants).exec(
      "CREATE FUNCTION public.shared_default() RETURNS int LANGUAGE sql AS 'SELECT 7'");
  write_folder(dir_ / "drizzle",
               {{"0000_items",
                 "CREATE TABLE \"items\" (\"id\" serial PRIMARY KEY, \"n\" int DEFAULT "
                 "shared_default());\n",
                 0}});
  write_config({}, tenants);
  FlickRun alone = flick("migrate");
  EXPECT_EQ(alone.exit_code, 1) << alone.out << alone.err;
  EXPECT_TRUE(contains(alone.out, "function shared_default() does not exist (SQLSTATE 42883)"))
      << alone.out;
  write_config({}, tenants, "sharedSchemas = [\"public\"]\n");
  FlickRun shared = flick("migrate");
  EXPECT_EQ(shared.exit_code, 0) << shared.out << shared.err;
  EXPECT_TRUE(relation_exists(tenants, "tenant_01.items"));
  EXPECT_FALSE(relation_exists(tenants, "public.items")) << "created in the tenant's schema";
  EXPECT_EQ(query_value(tenants, "INSERT INTO tenant_00.items DEFAULT VALUES RETURNING n"), "7");
}

// The output of `command` run on a pseudo-terminal (util-linux script), as a terminal shows it.
std::string run_on_terminal(const std::string& command) {
  std::string shell = "script -qec '" + command + "' /dev/null";
  FILE* pipe = popen(shell.c_str(), "r");
  if (pipe == nullptr) return "";
  std::string out;
  char buffer[4096];
  for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  pclose(pipe);
  return out;
}

TEST_F(FleetTest, OnATerminalALiveLineCountsTargetsAndProblemsArePrintedAboveIt) {
  std::vector<FleetDatabase> databases = create_databases("p", 3, 1);
  pg::Connection(databases[1].url).exec("CREATE TABLE t0004 (x int)");
  write_config(databases);
  std::string out = run_on_terminal(flick_binary() + " migrate --fleet --config " +
                                    (dir_ / "flick.toml").string());
  EXPECT_TRUE(contains(out, "\r\033[K")) << out;
  EXPECT_TRUE(contains(out, "\r\033[Kc1/p_01: failed at 0004_step.sql")) << out;
  EXPECT_TRUE(contains(out, "\r\033[K3/3 targets · 1 not converged · 0 running · ")) << out;
  EXPECT_TRUE(contains(out, " migrations/s")) << out;
  EXPECT_TRUE(contains(out, "fleet: 3 targets: 2 converged (2 applied, 0 up to date), 1 failed"))
      << out;
  EXPECT_FALSE(contains(out, "c1/p_00: applied")) << "converged targets only count on a terminal";
}

TEST_F(FleetTest, CheckFleetNamesEditedFilesUnknownRowsOutOfOrderAndDivergence) {
  std::vector<FleetDatabase> databases = create_databases("h", 4, 1);
  write_config(databases);
  // Snapshots, so the folder itself checks clean and what remains is the fleet's.
  FlickRun fix = run_flick({"check", "--fix", "--config", (dir_ / "flick.toml").string()});
  ASSERT_EQ(fix.exit_code, 0) << fix.out << fix.err;
  ASSERT_EQ(flick("migrate", {"--to", "0009_step"}).exit_code, 0);
  FlickRun one =
      run_flick({"migrate", "--out", (dir_ / "drizzle").string(), "--url", databases[0].url});
  ASSERT_EQ(one.exit_code, 0) << one.out << one.err;
  FlickRun diverged = flick("check");
  EXPECT_EQ(diverged.exit_code, 0) << "divergence is a warning\n" << diverged.out << diverged.err;
  EXPECT_TRUE(contains(diverged.out,
                       "targets are at 2 positions: 1 target (c1/h_00) at 0019_step; "
                       "3 targets (c1/h_01, c1/h_02, c1/h_03) at 0009_step"))
      << diverged.out;

  // An unknown row on h_01, 0005 forgotten on h_02, 0003 edited after everyone applied it.
  pg::Connection(databases[1].url)
      .exec("INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('feed', 1)");
  pg::Connection(databases[2].url)
      .exec("DELETE FROM drizzle.__drizzle_migrations WHERE created_at = 1700000005000");
  write_text(dir_ / "drizzle" / "0003_step.sql",
             read_text(dir_ / "drizzle" / "0003_step.sql") + "\n-- edited\n");
  FlickRun check = flick("check", {"--json"});
  EXPECT_EQ(check.exit_code, 1) << check.out << check.err;
  nlohmann::json report = nlohmann::json::parse(check.out);
  std::map<std::string, std::string> messages;
  for (const nlohmann::json& finding : report["findings"]) {
    messages[finding["rule"].get<std::string>()] = finding["message"].get<std::string>();
  }
  EXPECT_EQ(
      messages["fleet-edited"],
      "0003_step.sql changed after 4 targets (c1/h_00, c1/h_01, c1/h_02, c1/h_03) applied it");
  EXPECT_EQ(messages["fleet-unknown-rows"],
            "1 target (c1/h_01) recorded migrations the journal does not list");
  EXPECT_EQ(messages["fleet-out-of-order"],
            "0005_step pending on 1 target (c1/h_02) although later migrations are applied");
  EXPECT_TRUE(messages.count("fleet-diverged"));
  EXPECT_FALSE(messages.count("fleet-unreachable"));

  // Targets in step with the folder give no finding; an unreachable one is exit 3.
  write_text(dir_ / "drizzle" / "0003_step.sql",
             read_text(dir_ / "drizzle" / "0003_step.sql")
                 .substr(0, read_text(dir_ / "drizzle" / "0003_step.sql").size() - 11));
  FlickRun clean = flick("check", {"--target", "a=" + databases[3].url, "--json"});
  EXPECT_EQ(clean.exit_code, 0) << clean.out << clean.err;
  EXPECT_FALSE(contains(clean.out, "\"fleet-")) << clean.out;
  FlickRun gone = flick("check", {"--target", "gone=postgresql://u:S3cretPw@127.0.0.1:1/db"});
  EXPECT_EQ(gone.exit_code, 3) << gone.out << gone.err;
  EXPECT_TRUE(contains(gone.out, "1 target (gone) could not be read: ")) << gone.out;
  EXPECT_FALSE(contains(gone.out + gone.err, "S3cretPw"));
}

// Last: it stops cluster 3 (and starts it again at the end).
TEST_F(FleetTest, AClusterStoppedMidRunMakesItsTargetsUnreachableAndTheRestConverge) {
  std::vector<FleetDatabase> databases = create_databases("s", kDatabasesPerCluster);
  write_config(databases);
  BackgroundFlick run(
      {"migrate", "--fleet", "--parallel", "2", "--config", (dir_ / "flick.toml").string()});
  auto deadline = std::chrono::steady_clock::now() + 60s;
  while (count_rows(databases[3].url, "drizzle.__drizzle_migrations") < kMigrations &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(20ms);
  }
  test_cluster(3).stop();
  FlickRun stopped = run.wait();
  test_cluster(3).start();
  note_restarted(3);
  EXPECT_EQ(stopped.exit_code, 3) << stopped.out << stopped.err;
  int unreachable = 0;
  for (std::size_t i = 0; i < databases.size(); ++i) {
    const FleetDatabase& database = databases[i];
    if (i < 2 * kDatabasesPerCluster) {
      expect_converged(database.url, "", database.name);
      continue;
    }
    bool reported = contains(stopped.out, database.name + ": unreachable: ");
    unreachable += reported;
    if (!reported) expect_converged(database.url, "", database.name);
  }
  EXPECT_GT(unreachable, 0) << stopped.out;
  EXPECT_TRUE(contains(stopped.out, fmt::format("{} unreachable\n", unreachable))) << stopped.out;
  EXPECT_FALSE(contains(stopped.out, ": failed at ")) << stopped.out;
  EXPECT_TRUE(contains(stopped.out, "fleet: 120 targets: ")) << stopped.out;
}

}  // namespace
}  // namespace flick::testing
