// How flick migrate's commits wait for the WAL: with one transaction per migration, every commit
// but the run's last returns without waiting for its WAL to be flushed (synchronous_commit off
// for that transaction), the last one waits as the session's setting says, and a run that a
// failure ends flushes the commits it made before reporting. A deferred constraint trigger,
// which runs inside COMMIT, records each migration's synchronous_commit and WAL position.

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

TEST_F(CommitDurability, OnlyTheLastMigrationOfARunWaitsForItsWal) {
  std::vector<TestMigration> migrations = {commit_log_migration(), marker_migration(1),
                                           marker_migration(2), marker_migration(3)};
  write_folder(out_, migrations);
  std::string url = synchronous_database("m_durability_each");
  FlickRun first = migrate(url);
  ASSERT_EQ(first.exit_code, 0) << first.out << first.err;
  EXPECT_EQ(logged_settings(url), (std::vector<std::string>{"0:off", "1:off", "2:off", "3:on"}));

  // The next run's last migration is the one that waits.
  migrations.push_back(marker_migration(4));
  migrations.push_back(marker_migration(5));
  write_folder(out_, migrations);
  FlickRun second = migrate(url);
  ASSERT_EQ(second.exit_code, 0) << second.out << second.err;
  EXPECT_EQ(logged_settings(url),
            (std::vector<std::string>{"0:off", "1:off", "2:off", "3:on", "4:off", "5:on"}));
  EXPECT_EQ(bookkeeping_rows(url), 6);
}

TEST_F(CommitDurability, OneTransactionForAllCommitsAsTheSessionSays) {
  write_folder(out_, {commit_log_migration(), marker_migration(1), marker_migration(2)});
  std::string url = synchronous_database("m_durability_all");
  FlickRun run = migrate(url, {"--tx", "all"});
  ASSERT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_EQ(logged_settings(url), (std::vector<std::string>{"0:on", "1:on", "2:on"}));
}

// The WAL writer, which flushes commits that did not wait, is slowed to its longest delay: what
// is flushed right after the run was flushed by the run.
class SlowWalWriter : public CommitDurability {
 protected:
  void SetUp() override {
    CommitDurability::SetUp();
    set_wal_writer_delay("'10s'");
  }
  void TearDown() override {
    set_wal_writer_delay("DEFAULT");
    CommitDurability::TearDown();
  }
  static void set_wal_writer_delay(const std::string& value) {
    pg::Connection admin(test_cluster().url());
    admin.exec("ALTER SYSTEM SET wal_writer_delay = " + value);
    admin.exec("SELECT pg_reload_conf()");
  }
};

TEST_F(SlowWalWriter, ARunThatFailsFlushesTheMigrationsItCommitted) {
  write_folder(out_, {commit_log_migration(),
                      marker_migration(1),
                      marker_migration(2),
                      {"0003_fails", "SELECT 1 / 0;\n"},
                      marker_migration(4)});
  std::string url = synchronous_database("m_durability_failure");
  FlickRun run = migrate(url);
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  EXPECT_NE(run.err.find("0003_fails.sql"), std::string::npos) << run.err;
  EXPECT_EQ(logged_settings(url), (std::vector<std::string>{"0:off", "1:off", "2:off"}))
      << "0004 must not run after the failure";
  EXPECT_EQ(bookkeeping_rows(url), 3);
  // The commit of 0002 comes after the position its trigger logged.
  EXPECT_EQ(query_value(url, "SELECT pg_current_wal_flush_lsn() > lsn FROM commit_log WHERE n = 2"),
            "t");
}

}  // namespace
}  // namespace flick::testing
