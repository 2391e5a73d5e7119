// A folder with drizzle's three real-world defects (a missing snapshot, a `when` out of order, a
// migration re-creating a table an earlier one created) on an empty database: everything before
// the broken migration is applied and recorded, the broken one fails with a message naming the
// file, the statement, PostgreSQL's error and its SQLSTATE.

#include <gtest/gtest.h>

#include <filesystem>

#include "database_helpers.hpp"
#include "flick_process.hpp"
#include "support/test_cluster.hpp"

namespace flick::testing {
namespace {

namespace fs = std::filesystem;

void expect_contains(const std::string& text, const std::string& part) {
  EXPECT_NE(text.find(part), std::string::npos) << "missing: " << part << "\nin:\n" << text;
}

TEST(Defects, FlickFixtureFolderStopsAtTheDuplicateCollegeRequests) {
  fs::path folder = fs::path(FLICK_SHARED_DIR) / "fixtures" / "flick-drizzle";
  if (!fs::exists(folder / "meta" / "_journal.json")) {
    GTEST_SKIP() << folder << " is absent (the shared fixtures are not checked out)";
  }
  std::string url = create_database("m_defects_fixture");
  FlickRun run = run_flick({"migrate", "--out", folder.string(), "--url", url});
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  for (const char* tag : {"0000_loose_edwin_jarvis", "0001_flat_mathemanic", "0002_perfect_drax",
                          "0003_flat_reptil", "0004_brisk_harrier"}) {
    expect_contains(run.out, std::string("applying ") + tag);
  }
  expect_contains(run.err, "0005_superb_ken_ellis.sql");
  expect_contains(run.err, "CREATE TABLE \"college_requests\"");
  expect_contains(run.err, "relation \"college_requests\" already exists");
  expect_contains(run.err, "42P07");
  EXPECT_EQ(bookkeeping_rows(url), 5);
  // 0005 also changes logs.actor_id to text; its rollback left the column as 0000-0004 made it.
  EXPECT_EQ(query_value(url,
                        "SELECT count(*) FROM drizzle.__drizzle_migrations WHERE created_at = "
                        "1773031028858"),
            "0");
}

// tests/migrate/data/defects mirrors the Flick folder's defects on a small scale: 0003 has no
// snapshot, 0005's `when` is older than 0004's, and 0005 re-creates the "requests" table 0003
// created (after adding a column, which must be rolled back with it). Its snapshots carry only
// the id/prevId chain: flick migrate reads none.
TEST(Defects, InRepoFolderWithTheSameDefectsStopsAtTheDuplicateTable) {
  fs::path folder = fs::path(FLICK_MIGRATE_DATA) / "defects";
  ASSERT_FALSE(fs::exists(folder / "meta" / "0003_snapshot.json"));
  std::string url = create_database("m_defects_repo");
  FlickRun run = run_flick({"migrate", "--out", folder.string(), "--url", url});
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  expect_contains(run.err, "0005_sixth_requests_again.sql");
  expect_contains(run.err, "statement 2");
  expect_contains(run.err, "CREATE TABLE \"requests\"");
  expect_contains(run.err, "relation \"requests\" already exists");
  expect_contains(run.err, "42P07");
  EXPECT_EQ(bookkeeping_rows(url), 5);
  EXPECT_TRUE(relation_exists(url, "public.requests"));
  EXPECT_EQ(query_value(url,
                        "SELECT count(*) FROM information_schema.columns WHERE table_name = "
                        "'users' AND column_name IN ('name', 'nickname')"),
            "1")
      << "0004's column is applied; 0005's first statement was rolled back";
}

}  // namespace
}  // namespace flick::testing
