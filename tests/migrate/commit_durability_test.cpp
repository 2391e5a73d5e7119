// Every migration flick migrate applies is durable when it is reported done: each migration's
// COMMIT waits for its WAL as the session's synchronous_commit says, so a server that crashes
// mid-run keeps every migration before the one it was running (robustness.fault_suite checks
// that with pg_ctl stop -m immediate). A run that let all but its last commit skip the wait
// (SET LOCAL synchronous_commit = off, tried for speed) lost the migration just before a crash.
// A deferred constraint trigger, which runs inside COMMIT, records each commit's setting.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "database_helpers.hpp"
#include "flick_process.hpp"
#include "migration_folder.hpp"
#include "pg/pg.hpp"
#include "support/test_cluster.hpp"

namespace flick::testing {
namespace {

// The first migration: the log, and the trigger that writes to it at each commit that inserted
// into `marker`.
TestMigration commit_log_migration() {
  return {"0000_commit_log",
          "CREATE TABLE \"commit_log\" (\"n\" integer, \"sync\" text, \"lsn\" pg_lsn);\n"
          "--> statement-breakpoint\n"
          "CREATE FUNCTION \"log_commit\"() RETURNS trigger LANGUAGE plpgsql AS $$\n"
          "BEGIN\n"
          "  INSERT INTO commit_log VALUES (NEW.n, current_setting('synchronous_commit'),\n"
          "                                 pg_current_wal_insert_lsn());\n"
          "  RETURN NULL;\n"
          "END $$;\n"
          "--> statement-breakpoint\n"
          "CREATE TABLE \"marker\" (\"n\" integer);\n"
          "--> statement-breakpoint\n"
          "CREATE CONSTRAINT TRIGGER \"marker_commit\" AFTER INSERT ON \"marker\"\n"
          "  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION \"log_commit\"();\n"
          "--> statement-breakpoint\n"
          "INSERT INTO \"marker\" VALUES (0);\n"};
}

TestMigration marker_migration(int n) {
  char tag[32];
  std::snprintf(tag, sizeof tag, "%04d_marker", n);
  return {tag, "INSERT INTO \"marker\" VALUES (" + std::to_string(n) + ");\n"};
}

// "n:setting" for each logged commit, in order.
std::vector<std::string> logged_settings(const std::string& url) {
  pg::Connection connection(url);
  pg::Result result = connection.exec("SELECT n, sync FROM commit_log ORDER BY n");
  std::vector<std::string> rows;
  for (int row = 0; row < result.rows(); ++row) {
    rows.push_back(result.value(row, 0) + ":" + result.value(row, 1));
  }
  return rows;
}

class CommitDurability : public MigrationFolderTest {
 protected:
  CommitDurability() : MigrationFolderTest("flick-durability") {}

  // A database whose sessions commit synchronously (the test cluster's default is off).
  std::string synchronous_database(const std::string& name) {
    std::string url = create_database(name);
    pg::Connection(url).exec("ALTER DATABASE " + name + " SET synchronous_commit = on");
    return url;
  }
};

TEST_F(CommitDurability, EveryMigrationWaitsForItsWal) {
  std::vector<TestMigration> migrations = {commit_log_migration(), marker_migration(1),
                                           marker_migration(2), marker_migration(3)};
  write_folder(out_, migrations);
  std::string url = synchronous_database("m_durability_each");
  FlickRun first = migrate(url);
  ASSERT_EQ(first.exit_code, 0) << first.out << first.err;
  EXPECT_EQ(logged_settings(url), (std::vector<std::string>{"0:on", "1:on", "2:on", "3:on"}));

  // Also when the database's setting is another one.
  pg::Connection(url).exec("ALTER DATABASE m_durability_each SET synchronous_commit = local");
  migrations.push_back(marker_migration(4));
  migrations.push_back(marker_migration(5));
  write_folder(out_, migrations);
  FlickRun second = migrate(url);
  ASSERT_EQ(second.exit_code, 0) << second.out << second.err;
  EXPECT_EQ(logged_settings(url),
            (std::vector<std::string>{"0:on", "1:on", "2:on", "3:on", "4:local", "5:local"}));
  EXPECT_EQ(bookkeeping_rows(url), 6);
}

TEST_F(CommitDurability, OneTransactionForAllCommitsAsTheSessionSays) {
  write_folder(out_, {commit_log_migration(), marker_migration(1), marker_migration(2)});
  std::string url = synchronous_database("m_durability_all");
  FlickRun run = migrate(url, {"--tx", "all"});
  ASSERT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_EQ(logged_settings(url), (std::vector<std::string>{"0:on", "1:on", "2:on"}));
}

}  // namespace
}  // namespace flick::testing
