// Index rules, CONCURRENTLY in transactions, lock_timeout, enum values used too early.

#include <gtest/gtest.h>

#include "lint_test_support.hpp"

namespace flick::lint {
namespace {

using testing::findings_of;
using testing::fires;

TEST(IndexWithoutConcurrently, FiresOnExistingTable) {
  EXPECT_TRUE(
      fires("CREATE INDEX users_email_idx ON users (email);", "index-without-concurrently"));
  EXPECT_TRUE(
      fires("CREATE UNIQUE INDEX ON users USING btree (email);", "index-without-concurrently"));
}

TEST(IndexWithoutConcurrently, QuietConcurrentlyOrOnNewTable) {
  EXPECT_FALSE(fires("CREATE INDEX CONCURRENTLY users_email_idx ON users (email);",
                     "index-without-concurrently"));
  EXPECT_FALSE(
      fires("CREATE TABLE users (email text);\nCREATE INDEX users_email_idx ON users "
            "(email);",
            "index-without-concurrently"));
}

TEST(DropIndexWithoutConcurrently, FiresOnExistingIndex) {
  EXPECT_TRUE(fires("DROP INDEX users_email_idx;", "drop-index-without-concurrently"));
}

TEST(DropIndexWithoutConcurrently, QuietConcurrentlyOrWhenTheFileCreatedIt) {
  EXPECT_FALSE(
      fires("DROP INDEX CONCURRENTLY users_email_idx;", "drop-index-without-concurrently"));
  EXPECT_FALSE(
      fires("CREATE TABLE users (email text);\nCREATE INDEX users_email_idx ON users "
            "(email);\nDROP INDEX users_email_idx;",
            "drop-index-without-concurrently"));
}

// What the file created comes from the interpreter: also inside DO blocks, through renames,
// and in chunks without their final ';'.
TEST(CreatedInTheFile, DoBlocksRenamesAndChunksAreFollowed) {
  EXPECT_FALSE(
      fires("DO $$ BEGIN\n CREATE TABLE jobs (id int);\nEXCEPTION\n WHEN duplicate_table "
            "THEN null;\nEND $$;\nCREATE INDEX jobs_id ON jobs (id);",
            "index-without-concurrently"));
  EXPECT_FALSE(
      fires("CREATE TABLE jobs_new (id int)--> statement-breakpoint\n"
            "ALTER TABLE jobs_new RENAME TO jobs;--> statement-breakpoint\n"
            "CREATE INDEX jobs_id ON jobs (id);",
            "index-without-concurrently"));
  EXPECT_TRUE(
      fires("CREATE TABLE jobs (id int);\nALTER TABLE jobs RENAME TO jobs_old;\n"
            "CREATE INDEX jobs_id ON jobs (id);",
            "index-without-concurrently"))
      << "after the rename, \"jobs\" is another (existing) table";
  EXPECT_FALSE(
      fires("CREATE TABLE tmp_copy (id int);\nALTER TABLE tmp_copy RENAME TO tmp2;\n"
            "DROP TABLE tmp2;",
            "dropping-table"));
}

TEST(ConcurrentlyInTransaction, FiresInsideBeginCommit) {
  EXPECT_EQ(
      findings_of("BEGIN;\nCREATE INDEX CONCURRENTLY i ON users (email);\nDROP INDEX "
                  "CONCURRENTLY j;\nCOMMIT;"),
      (std::vector<std::string>{"concurrently-in-transaction@2", "concurrently-in-transaction@3"}));
}

TEST(ConcurrentlyInTransaction, QuietOutsideOrAfterCommit) {
  EXPECT_FALSE(
      fires("CREATE INDEX CONCURRENTLY i ON users (email);", "concurrently-in-transaction"));
  EXPECT_FALSE(fires("BEGIN;\nSELECT 1;\nCOMMIT;\nCREATE INDEX CONCURRENTLY i ON users (email);",
                     "concurrently-in-transaction"));
}

TEST(MissingLockTimeout, WarnsOnceAtTheFirstExclusiveLock) {
  std::vector<Finding> found = lint_sql(
      "CREATE TABLE t (id bigint);\nALTER TABLE users ALTER COLUMN a DROP DEFAULT;\nALTER TABLE "
      "users ALTER COLUMN b DROP DEFAULT;",
      "m.sql", Settings());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule, "missing-lock-timeout");
  EXPECT_EQ(found[0].severity, flick::Severity::kWarning);
  EXPECT_EQ(found[0].line, 2);
}

TEST(MissingLockTimeout, QuietAfterSetLockTimeoutOrWithoutExistingTables) {
  EXPECT_FALSE(fires("SET lock_timeout = '3s';\nALTER TABLE users ALTER COLUMN a DROP DEFAULT;",
                     "missing-lock-timeout"));
  EXPECT_FALSE(fires("SET LOCAL lock_timeout TO '3s';\nALTER TABLE users RENAME TO accounts;",
                     "missing-lock-timeout"));
  EXPECT_FALSE(fires("CREATE TABLE t (id bigint);\nALTER TABLE t ADD COLUMN n int;",
                     "missing-lock-timeout"));
  EXPECT_FALSE(fires("CREATE INDEX CONCURRENTLY i ON users (email);", "missing-lock-timeout"));
}

TEST(EnumValueAddedAndUsed, FiresWhenTheNewValueIsUsedLater) {
  EXPECT_EQ(findings_of("ALTER TYPE status ADD VALUE 'archived';\nUPDATE posts SET status = "
                        "'archived' WHERE old;"),
            (std::vector<std::string>{"enum-value-added-and-used@2"}));
  EXPECT_TRUE(
      fires("ALTER TYPE \"public\".\"status\" ADD VALUE 'gone' BEFORE 'x';\nCREATE TABLE "
            "t (s status DEFAULT 'gone');",
            "enum-value-added-and-used"));
}

TEST(EnumValueAddedAndUsed, QuietWhenOnlyAddedOrOtherValuesUsed) {
  EXPECT_FALSE(fires("ALTER TYPE status ADD VALUE 'archived';\nUPDATE posts SET status = 'draft';",
                     "enum-value-added-and-used"));
  EXPECT_FALSE(
      fires("ALTER TYPE status ADD VALUE IF NOT EXISTS 'archived';", "enum-value-added-and-used"));
  EXPECT_FALSE(fires("ALTER TYPE status RENAME VALUE 'old' TO 'new';\nSELECT 'new';",
                     "enum-value-added-and-used"));
}

}  // namespace
}  // namespace flick::lint
