// A migration merged from a branch, older than one already applied: drizzle-orm skips it
// silently; flick applies it with a warning, and refuses it with --strict.

#include <gtest/gtest.h>

#include "database_helpers.hpp"
#include "flick_process.hpp"
#include "migration_folder.hpp"
#include "support/test_cluster.hpp"

namespace flick::testing {
namespace {

namespace fs = std::filesystem;

std::vector<TestMigration> branch_merge_folder() {
  return {{"0000_base", "CREATE TABLE \"base\" (\"id\" integer);\n", 1700000001000},
          {"0001_main", "CREATE TABLE \"main_work\" (\"id\" integer);\n", 1700000003000},
          {"0002_branch", "CREATE TABLE \"branch_work\" (\"id\" integer);\n", 1700000002000}};
}

class Ordering : public ::testing::Test {
 protected:
  void SetUp() override {
    out_ = make_temp_dir("flick-order") / "drizzle";
    write_folder(out_, branch_merge_folder());
  }
  void TearDown() override { fs::remove_all(out_.parent_path()); }

  // A database with 0000 and 0001 applied.
  std::string database_up_to_main(const std::string& name) {
    std::string url = create_database(name);
    FlickRun run =
        run_flick({"migrate", "--out", out_.string(), "--url", url, "--to", "0001_main"});
    EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
    EXPECT_EQ(bookkeeping_rows(url), 2);
    return url;
  }

  fs::path out_;
};

TEST_F(Ordering, OlderEntryAfterAnAppliedOneIsAppliedWithAWarning) {
  std::string url = database_up_to_main("m_order_apply");
  FlickRun run = run_flick({"migrate", "--out", out_.string(), "--url", url});
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_NE(run.err.find("warning: 0002_branch is older than a migration already applied"),
            std::string::npos)
      << run.err;
  EXPECT_TRUE(relation_exists(url, "public.branch_work"));
  EXPECT_EQ(bookkeeping_rows(url), 3);
  EXPECT_EQ(query_value(url,
                        "SELECT created_at FROM drizzle.__drizzle_migrations ORDER BY id DESC "
                        "LIMIT 1"),
            "1700000002000");
}

TEST_F(Ordering, StrictRefusesTheOlderEntryAndAppliesNothing) {
  std::string url = database_up_to_main("m_order_strict");
  FlickRun run = run_flick({"migrate", "--out", out_.string(), "--url", url, "--strict"});
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
  EXPECT_NE(run.err.find("0002_branch"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("--strict"), std::string::npos) << run.err;
  EXPECT_FALSE(relation_exists(url, "public.branch_work"));
  EXPECT_EQ(bookkeeping_rows(url), 2);
}

}  // namespace
}  // namespace flick::testing
