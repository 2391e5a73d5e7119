// What flick migrate refuses or rolls back: an edited applied file, CONCURRENTLY statements
// (outside a transaction by default, refused by --tx all), a failing statement in migration k
// (all of k rolled back, earlier migrations kept), and the --json report of that failure.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "database_helpers.hpp"
#include "flick_process.hpp"
#include "migration_folder.hpp"
#include "support/test_cluster.hpp"

namespace flick::testing {
namespace {

namespace fs = std::filesystem;

class Safety : public MigrationFolderTest {
 protected:
  Safety() : MigrationFolderTest("flick-safety") {}
};

TEST_F(Safety, EditedAppliedFileIsRefusedThenAcceptedWithAcceptEdited) {
  write_folder(out_, counter_migrations(2));
  std::string url = create_database("m_edited");
  ASSERT_EQ(migrate(url).exit_code, 0);
  fs::path file = out_ / "0001_step.sql";
  std::string old_hash = file_sha256(file);
  write_text(file, read_text(file) + "-- reviewed later\n");
  std::string new_hash = file_sha256(file);

  FlickRun refused = migrate(url);
  EXPECT_EQ(refused.exit_code, 2) << refused.out << refused.err;
  EXPECT_NE(refused.err.find("0001_step.sql"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find(old_hash), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find(new_hash), std::string::npos) << refused.err;

  FlickRun accepted = migrate(url, {"--accept-edited"});
  EXPECT_EQ(accepted.exit_code, 0) << accepted.out << accepted.err;
  EXPECT_EQ(
      query_value(url, "SELECT hash FROM drizzle.__drizzle_migrations ORDER BY id DESC LIMIT 1"),
      new_hash);
  EXPECT_EQ(query_value(url, "SELECT count(*) FROM applied_counter"), "2") << "not run again";
  EXPECT_EQ(migrate(url).exit_code, 0);
}

std::vector<TestMigration> concurrently_folder() {
  return {
      {"0000_table", "CREATE TABLE \"c_t\" (\"id\" integer);\n", 1700000001000},
      {"0001_index", "CREATE INDEX CONCURRENTLY \"c_t_id\" ON \"c_t\" (\"id\");\n", 1700000002000},
      {"0002_mixed",
       "CREATE TABLE \"c_u\" (\"id\" integer);\n--> statement-breakpoint\n"
       "CREATE INDEX CONCURRENTLY \"c_u_id\" ON \"c_u\" (\"id\");\n--> statement-breakpoint\n"
       "ALTER TABLE \"c_u\" ADD COLUMN \"note\" text;\n",
       1700000003000}};
}

TEST_F(Safety, ConcurrentlyRunsOutsideATransactionAlsoMixedWithOtherDdl) {
  write_folder(out_, concurrently_folder());
  std::string url = create_database("m_concurrently");
  FlickRun dry = migrate(url, {"--dry-run"});
  EXPECT_EQ(dry.exit_code, 0) << dry.out << dry.err;
  EXPECT_NE(dry.out.find("CREATE INDEX CONCURRENTLY \"c_t_id\" ON \"c_t\" (\"id\")   [outside a "
                         "transaction]"),
            std::string::npos)
      << dry.out;
  EXPECT_FALSE(relation_exists(url, "public.c_t")) << "--dry-run runs nothing";
  FlickRun run = migrate(url);
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_TRUE(relation_exists(url, "public.c_t_id"));
  EXPECT_TRUE(relation_exists(url, "public.c_u_id"));
  EXPECT_EQ(query_value(url,
                        "SELECT count(*) FROM pg_index WHERE indisvalid AND indexrelid IN "
                        "('c_t_id'::regclass, 'c_u_id'::regclass)"),
            "2");
  EXPECT_EQ(query_value(url,
                        "SELECT count(*) FROM information_schema.columns WHERE table_name = "
                        "'c_u' AND column_name = 'note'"),
            "1");
  EXPECT_EQ(bookkeeping_rows(url), 3);
}

TEST_F(Safety, TxAllRefusesAConcurrentlyMigration) {
  write_folder(out_, concurrently_folder());
  std::string url = create_database("m_concurrently_all");
  FlickRun run = migrate(url, {"--tx", "all"});
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
  EXPECT_NE(run.err.find("0001_index.sql"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("cannot run inside a transaction block"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("--tx all"), std::string::npos) << run.err;
  EXPECT_FALSE(relation_exists(url, "public.c_t"));
  EXPECT_EQ(bookkeeping_rows(url), 0);
}

std::vector<TestMigration> failing_folder() {
  return {{"0000_ok", "CREATE TABLE \"kept\" (\"id\" integer);\n", 1700000001000},
          {"0001_breaks",
           "CREATE TABLE \"rolled_back\" (\"id\" integer);\n--> statement-breakpoint\n"
           "INSERT INTO \"kept\" VALUES (1);\n--> statement-breakpoint\n"
           "ALTER TABLE \"missing_table\"\n  ADD COLUMN \"x\" integer;\n",
           1700000002000},
          {"0002_never", "CREATE TABLE \"never\" (\"id\" integer);\n", 1700000003000}};
}

TEST_F(Safety, FailingStatementRollsBackItsWholeMigrationOnly) {
  write_folder(out_, failing_folder());
  std::string url = create_database("m_rollback");
  FlickRun run = migrate(url);
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  EXPECT_NE(run.err.find("0001_breaks.sql failed at statement 3 (line 5)"), std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("ALTER TABLE \"missing_table\""), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("42P01"), std::string::npos) << run.err;
  EXPECT_TRUE(relation_exists(url, "public.kept"));
  EXPECT_FALSE(relation_exists(url, "public.rolled_back"));
  EXPECT_EQ(query_value(url, "SELECT count(*) FROM kept"), "0");
  EXPECT_FALSE(relation_exists(url, "public.never"));
  EXPECT_EQ(bookkeeping_rows(url), 1);
}

TEST_F(Safety, TxAllFailureRollsBackEveryPendingMigration) {
  write_folder(out_, failing_folder());
  std::string url = create_database("m_rollback_all");
  FlickRun run = migrate(url, {"--tx", "all"});
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  EXPECT_NE(run.err.find("nothing of 0001_breaks.sql was kept"), std::string::npos) << run.err;
  // Robustness class 16: the migration before it used to be reported "done".
  EXPECT_EQ(run.out.find("done"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("applying 0000_ok (1 statement): ran (commits with the last)"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.err.find("--tx all: the 1 migration that ran before it was rolled back with it; "
                         "none is applied"),
            std::string::npos)
      << run.err;
  EXPECT_FALSE(relation_exists(url, "public.kept"));
  EXPECT_FALSE(relation_exists(url, "public.rolled_back"));
  EXPECT_EQ(bookkeeping_rows(url), 0);
}

TEST_F(Safety, TxNoneFailureSaysWhichStatementsStayed) {
  write_folder(out_, failing_folder());
  std::string url = create_database("m_rollback_none");
  FlickRun run = migrate(url, {"--tx", "none"});
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  EXPECT_NE(run.err.find("statements 1-2 were committed and stay applied"), std::string::npos)
      << run.err;
  EXPECT_TRUE(relation_exists(url, "public.rolled_back"));
  EXPECT_EQ(query_value(url, "SELECT count(*) FROM kept"), "1");
  EXPECT_EQ(bookkeeping_rows(url), 1) << "0001 is not recorded";
}

TEST_F(Safety, JsonFailureNamesFileStatementLineAndSqlstate) {
  write_folder(out_, failing_folder());
  std::string url = create_database("m_rollback_json");
  FlickRun run = migrate(url, {"--json"});
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  nlohmann::json result = nlohmann::json::parse(run.out);
  EXPECT_EQ(result["applied"], nlohmann::json::array({"0000_ok"}));
  const nlohmann::json& failure = result["failure"];
  EXPECT_EQ(failure["file"], "0001_breaks.sql");
  EXPECT_EQ(failure["statement"], 3);
  EXPECT_EQ(failure["line"], 5);
  EXPECT_EQ(failure["sqlstate"], "42P01");
  EXPECT_EQ(failure["firstLine"], "ALTER TABLE \"missing_table\"");
  EXPECT_EQ(bookkeeping_rows(url), 1);
}

}  // namespace
}  // namespace flick::testing

namespace flick::testing {
namespace {

// Robustness class 16: a statement that cannot run in a transaction (CREATE INDEX CONCURRENTLY)
// commits what ran before it; when it then failed, the output said "nothing ... was kept".
TEST_F(Safety, FailureAfterACommittedPartSaysWhatStays) {
  write_folder(out_, {{"0000_concurrent",
                       "CREATE TABLE \"c\" (\"id\" integer);\n--> statement-breakpoint\n"
                       "CREATE INDEX CONCURRENTLY \"c_x\" ON \"c\" (\"x\");\n"}});
  std::string url = create_database("m_concurrent_fails");
  FlickRun run = migrate(url);
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  EXPECT_NE(run.err.find("statements 1-1 were committed and stay applied; the migration is not "
                         "recorded"),
            std::string::npos)
      << run.err;
  EXPECT_EQ(run.err.find("was kept"), std::string::npos) << run.err;
  EXPECT_TRUE(relation_exists(url, "public.c"));
  EXPECT_EQ(bookkeeping_rows(url), 0);
}

}  // namespace
}  // namespace flick::testing

namespace flick::testing {
namespace {

// An extension the server does not have is named with the package that ships it.
TEST_F(Safety, MissingExtensionNamesThePackageToInstall) {
  write_folder(out_, {{"0000_vector", "CREATE EXTENSION IF NOT EXISTS \"flick_no_such_ext\";\n"}});
  std::string url = create_database("m_missing_extension");
  FlickRun run = migrate(url);
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  EXPECT_NE(run.err.find("fix: the database server has no extension \"flick_no_such_ext\": "
                         "install it on the server (Debian / Ubuntu with the PostgreSQL apt "
                         "repository: apt-get install postgresql-15-flick-no-such-ext;"),
            std::string::npos)
      << run.err;
  EXPECT_EQ(bookkeeping_rows(url), 0);
  FlickRun json = migrate(url, {"--json"});
  EXPECT_NE(json.out.find("\"advice\": \"the database server has no extension"), std::string::npos)
      << json.out;
}

}  // namespace
}  // namespace flick::testing

namespace flick::testing {
namespace {

// A migration of plain statements goes to the server as one message (BEGIN, the statements, the
// record, COMMIT). A statement that ends in a line comment does not swallow the next one, and
// the record holds the tag, the statement count and a duration.
TEST_F(Safety, AMigrationSentWholeKeepsTrailingLineCommentsApart) {
  write_folder(out_, {{"0000_comments",
                       "CREATE TABLE \"lc1\" (\"id\" integer) -- first, no semicolon\n"
                       "--> statement-breakpoint\n"
                       "CREATE TABLE \"lc2\" (\"id\" integer) -- second, the file's last line"}});
  std::string url = create_database("m_line_comments");
  FlickRun run = migrate(url);
  ASSERT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_TRUE(relation_exists(url, "public.lc1"));
  EXPECT_TRUE(relation_exists(url, "public.lc2"));
  EXPECT_EQ(query_value(url,
                        "SELECT tag || ' ' || statements || ' ' || (duration_ms >= 0) FROM "
                        "drizzle.__flick_migrations"),
            "0000_comments 2 true");
  EXPECT_EQ(bookkeeping_rows(url), 1);
}

// A deferred foreign key fails at COMMIT: reported as the statement after the last, nothing of
// the migration stays.
TEST_F(Safety, AFailureAtCommitIsReportedAsTheCommit) {
  write_folder(out_, {{"0000_ok", "CREATE TABLE \"before\" (\"id\" integer);\n", 1700000001000},
                      {"0001_deferred",
                       "CREATE TABLE \"p\" (\"id\" integer PRIMARY KEY);\n"
                       "--> statement-breakpoint\n"
                       "CREATE TABLE \"c\" (\"pid\" integer REFERENCES \"p\" DEFERRABLE "
                       "INITIALLY DEFERRED);\n--> statement-breakpoint\n"
                       "INSERT INTO \"c\" VALUES (1);\n",
                       1700000002000}});
  std::string url = create_database("m_commit_fails");
  FlickRun run = migrate(url, {"--json"});
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  nlohmann::json result = nlohmann::json::parse(run.out);
  EXPECT_EQ(result["applied"], nlohmann::json::array({"0000_ok"}));
  EXPECT_EQ(result["failure"]["statement"], 4);
  EXPECT_EQ(result["failure"]["firstLine"], "COMMIT");
  EXPECT_EQ(result["failure"]["sqlstate"], "23503");
  EXPECT_TRUE(relation_exists(url, "public.before"));
  EXPECT_FALSE(relation_exists(url, "public.p"));
  EXPECT_FALSE(relation_exists(url, "public.c"));
  EXPECT_EQ(bookkeeping_rows(url), 1);
}

// COPY ... FROM STDIN has no data in a migration: refused with a reason, never waited on.
TEST_F(Safety, CopyFromStdinFailsInsteadOfWaiting) {
  write_folder(out_, {{"0000_copy",
                       "CREATE TABLE \"items\" (\"id\" integer);\n--> statement-breakpoint\n"
                       "COPY \"items\" FROM STDIN;\n"}});
  std::string url = create_database("m_copy_stdin");
  FlickRun run = migrate(url);
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  EXPECT_NE(run.err.find("failed at statement 2"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("COPY FROM STDIN is not supported in a migration"), std::string::npos)
      << run.err;
  EXPECT_FALSE(relation_exists(url, "public.items"));
  EXPECT_EQ(bookkeeping_rows(url), 0);
}

}  // namespace
}  // namespace flick::testing
