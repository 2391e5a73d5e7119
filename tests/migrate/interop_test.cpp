// flick migrate and drizzle-orm's migrator continue each other's databases: a database migrated
// by drizzle's rules for k steps is finished by flick, and the reverse, with final catalogs and
// bookkeeping rows identical to a clean run. drizzle's rules are reproduced by hand (its table,
// hash = SHA-256 hex of the file, created_at = journal `when`, pending = newer than the newest
// created_at, all pending files in one transaction); a second test uses the real npm package.

#include <fmt/core.h>
#include <gtest/gtest.h>

#include <cstdlib>

#include "database_helpers.hpp"
#include "flick_process.hpp"
#include "migration_folder.hpp"
#include "pg/pg.hpp"
#include "store/hash.hpp"
#include "support/catalog_dump.hpp"
#include "support/line_diff.hpp"
#include "support/test_cluster.hpp"

namespace flick::testing {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kBreakpoint = "--> statement-breakpoint";

// The defects folder's five good migrations: tables, a foreign key, indexes, a new column.
std::vector<TestMigration> good_migrations() {
  fs::path folder = fs::path(FLICK_MIGRATE_DATA) / "defects";
  std::vector<std::string> tags = {"0000_first_users", "0001_second_posts", "0002_third_index",
                                   "0003_fourth_requests", "0004_fifth_column"};
  std::vector<TestMigration> migrations;
  for (std::size_t i = 0; i < tags.size(); ++i) {
    migrations.push_back({tags[i], read_text(folder / (tags[i] + ".sql")),
                          1700000000000 + 100000LL * static_cast<std::int64_t>(i)});
  }
  return migrations;
}

// What drizzle-orm's migrator does with `migrations` (a journal's entries, in order).
void drizzle_migrate(const std::string& url, const std::vector<TestMigration>& migrations) {
  pg::Connection connection(url);
  connection.exec("CREATE SCHEMA IF NOT EXISTS \"drizzle\"");
  connection.exec(
      "CREATE TABLE IF NOT EXISTS \"drizzle\".\"__drizzle_migrations\" (id SERIAL PRIMARY KEY, "
      "hash text NOT NULL, created_at bigint)");
  pg::Result last = connection.exec(
      "SELECT created_at FROM \"drizzle\".\"__drizzle_migrations\" ORDER BY created_at DESC "
      "LIMIT 1");
  std::int64_t newest = last.rows() == 0 ? -1 : std::stoll(last.value(0, 0));
  connection.exec("BEGIN");
  for (const TestMigration& migration : migrations) {
    if (migration.when <= newest) continue;
    std::string_view rest = migration.sql;
    while (!rest.empty()) {
      std::size_t cut = rest.find(kBreakpoint);
      std::string statement(rest.substr(0, cut));
      if (statement.find_first_not_of(" \t\r\n") != std::string::npos) connection.exec(statement);
      rest = cut == std::string_view::npos ? "" : rest.substr(cut + kBreakpoint.size());
    }
    connection.exec_params(
        "INSERT INTO \"drizzle\".\"__drizzle_migrations\" (\"hash\", \"created_at\") VALUES ($1, "
        "$2)",
        {store::sha256_hex(migration.sql), std::to_string(migration.when)});
  }
  connection.exec("COMMIT");
}

std::string bookkeeping(const std::string& url) {
  pg::Connection connection(url);
  pg::Result result =
      connection.exec("SELECT hash, created_at FROM drizzle.__drizzle_migrations ORDER BY id");
  std::string text;
  for (int i = 0; i < result.rows(); ++i) {
    text += fmt::format("{} {}\n", result.value(i, 0), result.value(i, 1));
  }
  return text;
}

class Interop : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = make_temp_dir("flick-interop");
    migrations_ = good_migrations();
    write_folder(dir_ / "drizzle", migrations_);
    clean_url_ = create_database("m_interop_clean");
    drizzle_migrate(clean_url_, migrations_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  void expect_same_as_clean(const std::string& url) {
    EXPECT_TRUE(same_text("drizzle only", catalog_dump(clean_url_), "mixed", catalog_dump(url)));
    EXPECT_TRUE(
        same_text("drizzle only rows", bookkeeping(clean_url_), "mixed rows", bookkeeping(url)));
  }

  fs::path dir_;
  std::vector<TestMigration> migrations_;
  std::string clean_url_;
};

TEST_F(Interop, FlickContinuesADatabaseDrizzleMigratedForThreeSteps) {
  std::string url = create_database("m_interop_drizzle_first");
  drizzle_migrate(url, {migrations_.begin(), migrations_.begin() + 3});
  FlickRun run = run_flick({"migrate", "--out", (dir_ / "drizzle").string(), "--url", url});
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_NE(run.out.find("2 migrations applied"), std::string::npos) << run.out;
  expect_same_as_clean(url);
  // And flick's run leaves drizzle nothing to do.
  drizzle_migrate(url, migrations_);
  expect_same_as_clean(url);
}

TEST_F(Interop, DrizzleContinuesADatabaseFlickMigratedForThreeSteps) {
  std::string url = create_database("m_interop_flick_first");
  FlickRun run = run_flick(
      {"migrate", "--out", (dir_ / "drizzle").string(), "--url", url, "--to", "0002_third_index"});
  ASSERT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_EQ(bookkeeping_rows(url), 3);
  drizzle_migrate(url, migrations_);
  expect_same_as_clean(url);
  FlickRun again = run_flick({"migrate", "--out", (dir_ / "drizzle").string(), "--url", url});
  EXPECT_EQ(again.exit_code, 0) << again.out << again.err;
  EXPECT_NE(again.out.find("nothing to apply"), std::string::npos) << again.out;
}

// The real drizzle-orm migrator (node-postgres driver), installed with npm into a temp dir.
class RealDrizzle : public Interop {
 protected:
  void SetUp() override {
    Interop::SetUp();
    if (std::system("command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1") != 0) {
      GTEST_SKIP() << "npm/node not found: the real drizzle-orm migrator is not tested";
    }
    node_dir_ = dir_ / "node";
    fs::create_directories(node_dir_);
    std::string install = fmt::format(
        "cd '{}' && npm init -y >/dev/null 2>&1 && timeout 300 npm install --no-audit --no-fund "
        "drizzle-orm@0.44 pg@8 >npm.log 2>&1",
        node_dir_.string());
    if (std::system(install.c_str()) != 0) {
      GTEST_SKIP() << "npm install drizzle-orm pg failed (no registry?): see "
                   << (node_dir_ / "npm.log") << ":\n"
                   << read_text(node_dir_ / "npm.log");
    }
    write_text(node_dir_ / "migrate.js",
               "const { drizzle } = require('drizzle-orm/node-postgres');\n"
               "const { migrate } = require('drizzle-orm/node-postgres/migrator');\n"
               "const { Pool } = require('pg');\n"
               "(async () => {\n"
               "  const pool = new Pool({ connectionString: process.argv[2] });\n"
               "  await migrate(drizzle(pool), { migrationsFolder: process.argv[3] });\n"
               "  await pool.end();\n"
               "})().catch((e) => { console.error(e); process.exit(1); });\n");
  }

  void node_migrate(const std::string& url, const fs::path& folder) {
    std::string command = fmt::format("cd '{}' && node migrate.js '{}' '{}' >node.log 2>&1",
                                      node_dir_.string(), url, folder.string());
    ASSERT_EQ(std::system(command.c_str()), 0) << read_text(node_dir_ / "node.log");
  }

  fs::path node_dir_;
};

TEST_F(RealDrizzle, EachContinuesTheOther) {
  fs::path first_three = dir_ / "first-three";
  write_folder(first_three, {migrations_.begin(), migrations_.begin() + 3});
  fs::path full = dir_ / "drizzle";

  std::string drizzle_first = create_database("m_npm_drizzle_first");
  node_migrate(drizzle_first, first_three);
  EXPECT_EQ(bookkeeping_rows(drizzle_first), 3);
  FlickRun run = run_flick({"migrate", "--out", full.string(), "--url", drizzle_first});
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  expect_same_as_clean(drizzle_first);

  std::string flick_first = create_database("m_npm_flick_first");
  run = run_flick({"migrate", "--out", first_three.string(), "--url", flick_first});
  ASSERT_EQ(run.exit_code, 0) << run.out << run.err;
  node_migrate(flick_first, full);
  expect_same_as_clean(flick_first);
}

}  // namespace
}  // namespace flick::testing
