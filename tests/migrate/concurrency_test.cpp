// Concurrent runs and a killed run: the advisory lock makes every migration run exactly once, and
// a migration killed half-way leaves nothing behind, so a rerun converges to the full schema.

#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <memory>
#include <thread>

#include "database_helpers.hpp"
#include "flick_process.hpp"
#include "migrate/advisory_lock.hpp"
#include "migration_folder.hpp"
#include "pg/pg.hpp"
#include "support/catalog_dump.hpp"
#include "support/line_diff.hpp"
#include "support/test_cluster.hpp"

namespace flick::testing {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

class Concurrency : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = make_temp_dir("flick-concurrency"); }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(Concurrency, EightProcessesApplyFiftyMigrationsExactlyOnce) {
  fs::path out = dir_ / "drizzle";
  write_folder(out, counter_migrations(50));
  std::string url = create_database("m_concurrent");
  std::vector<std::unique_ptr<BackgroundFlick>> processes;
  for (int i = 0; i < 8; ++i) {
    processes.push_back(std::make_unique<BackgroundFlick>(
        std::vector<std::string>{"migrate", "--out", out.string(), "--url", url}));
  }
  int applied_by_someone = 0;
  for (auto& process : processes) {
    FlickRun run = process->wait();
    EXPECT_EQ(run.exit_code, 0) << run.command << "\n" << run.out << run.err;
    if (run.out.find("50 migrations applied") != std::string::npos) ++applied_by_someone;
  }
  EXPECT_EQ(applied_by_someone, 1) << "one process applies all 50, the others find nothing to do";
  EXPECT_EQ(query_value(url, "SELECT count(*) FROM applied_counter"), "50");
  EXPECT_EQ(query_value(url, "SELECT count(DISTINCT tag) FROM applied_counter"), "50");
  EXPECT_EQ(bookkeeping_rows(url), 50);
  EXPECT_EQ(query_value(url, "SELECT count(DISTINCT created_at) FROM drizzle.__drizzle_migrations"),
            "50");
}

// With every migration applied, migrate reads the bookkeeping once and returns: nothing would run
// or be written, so it neither takes nor waits for the lock another run holds. A run with work to
// do still waits, and gives up after --lock-timeout with nothing applied.
TEST_F(Concurrency, NothingToApplyNeedsNoLockButPendingWorkWaitsForIt) {
  fs::path out = dir_ / "drizzle";
  write_folder(out, counter_migrations(3));
  std::string url = create_database("m_nolock");
  FlickRun first = run_flick({"migrate", "--out", out.string(), "--url", url});
  ASSERT_EQ(first.exit_code, 0) << first.out << first.err;

  pg::Connection holder(url);
  migrate::AdvisoryLock held(holder, "flick migrate \"drizzle\".\"__drizzle_migrations\"",
                             std::chrono::milliseconds(0));
  auto started = std::chrono::steady_clock::now();
  FlickRun noop =
      run_flick({"migrate", "--out", out.string(), "--url", url, "--lock-timeout", "5s"});
  EXPECT_EQ(noop.exit_code, 0) << noop.out << noop.err;
  EXPECT_NE(noop.out.find("nothing to apply"), std::string::npos) << noop.out;
  EXPECT_LT(std::chrono::steady_clock::now() - started, 4s) << "waited for the lock";

  write_folder(out, counter_migrations(4));
  FlickRun pending =
      run_flick({"migrate", "--out", out.string(), "--url", url, "--lock-timeout", "1s"});
  EXPECT_EQ(pending.exit_code, 2) << pending.out << pending.err;
  EXPECT_NE(pending.err.find("lock"), std::string::npos) << pending.err;
  EXPECT_EQ(bookkeeping_rows(url), 3);
  EXPECT_EQ(query_value(url, "SELECT count(*) FROM applied_counter"), "3");
}

// The backend of a killed client finishes its current statement before it notices; wait until no
// session runs `pattern` any more.
void wait_until_no_query_like(const std::string& url, const std::string& pattern) {
  auto deadline = std::chrono::steady_clock::now() + 30s;
  while (std::chrono::steady_clock::now() < deadline) {
    std::string running = query_value(
        url,
        "SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND query LIKE '" +
            pattern + "'");
    if (running == "0") return;
    std::this_thread::sleep_for(100ms);
  }
  FAIL() << "a session still runs " << pattern;
}

bool wait_until_query_like(const std::string& url, const std::string& pattern) {
  auto deadline = std::chrono::steady_clock::now() + 30s;
  while (std::chrono::steady_clock::now() < deadline) {
    std::string running = query_value(
        url,
        "SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND state = "
        "'active' AND query LIKE '" +
            pattern + "'");
    if (running != "0") return true;
    std::this_thread::sleep_for(50ms);
  }
  return false;
}

TEST_F(Concurrency, KilledMidMigrationLeavesNothingHalfAppliedAndARerunConverges) {
  fs::path out = dir_ / "drizzle";
  write_folder(
      out, {{"0000_first", "CREATE TABLE \"first\" (\"id\" integer);\n", 1700000001000},
            {"0001_slow",
             "CREATE TABLE \"slow_a\" (\"id\" integer PRIMARY KEY);\n--> statement-breakpoint\n"
             "SELECT pg_sleep(5);\n--> statement-breakpoint\n"
             "CREATE TABLE \"slow_b\" (\"id\" integer REFERENCES \"slow_a\");\n",
             1700000002000},
            {"0002_after", "ALTER TABLE \"first\" ADD COLUMN \"note\" text;\n", 1700000003000}});
  std::string url = create_database("m_killed");
  {
    BackgroundFlick process({"migrate", "--out", out.string(), "--url", url});
    // The migration runs as one message: pg_stat_activity shows it whole.
    ASSERT_TRUE(wait_until_query_like(url, "%SELECT pg_sleep(5)%"));
    std::this_thread::sleep_for(1s);
    process.kill(SIGKILL);
    FlickRun run = process.wait();
    EXPECT_EQ(run.exit_code, 128 + SIGKILL);
  }
  wait_until_no_query_like(url, "%SELECT pg_sleep(5)%");
  EXPECT_TRUE(relation_exists(url, "public.first"));
  EXPECT_FALSE(relation_exists(url, "public.slow_a")) << "the killed migration's first DDL";
  EXPECT_EQ(bookkeeping_rows(url), 1);

  FlickRun rerun = run_flick({"migrate", "--out", out.string(), "--url", url});
  EXPECT_EQ(rerun.exit_code, 0) << rerun.out << rerun.err;
  EXPECT_EQ(bookkeeping_rows(url), 3);

  std::string clean = create_database("m_killed_clean");
  FlickRun clean_run = run_flick({"migrate", "--out", out.string(), "--url", clean});
  ASSERT_EQ(clean_run.exit_code, 0) << clean_run.out << clean_run.err;
  EXPECT_TRUE(same_text("clean run", catalog_dump(clean), "killed + rerun", catalog_dump(url)));
}

}  // namespace
}  // namespace flick::testing
