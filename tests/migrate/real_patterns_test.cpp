// flick migrate on patterns met in real drizzle-kit folders (bench/corpus, docs/real-folders.md):
// a breakpoint chunk without its final ';', a file that carries its own BEGIN / COMMIT (at its
// ends, and a COMMIT in the middle before CREATE INDEX CONCURRENTLY), drizzle-kit's DO-block
// foreign keys, and a function with its trigger. drizzle-orm applies each of these folders.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "database_helpers.hpp"
#include "flick_process.hpp"
#include "migration_folder.hpp"
#include "support/test_cluster.hpp"

namespace flick::testing {
namespace {

namespace fs = std::filesystem;

class RealPatterns : public MigrationFolderTest {
 protected:
  RealPatterns() : MigrationFolderTest("flick-real-patterns") {}
};

TEST_F(RealPatterns, ChunkWithoutItsSemicolonIsAppliedLikeDrizzleOrmDoes) {
  write_folder(out_,
               {{"0000_t", "CREATE TABLE \"t\" (\"id\" integer, \"x\" text);\n", 1700000001000},
                {"0001_cleanup",
                 "INSERT INTO \"t\" VALUES (1, NULL), (2, 'a');--> statement-breakpoint\n"
                 "DELETE FROM \"t\" WHERE \"x\" IS NULL--> statement-breakpoint\n"
                 "ALTER TABLE \"t\" ALTER COLUMN \"x\" SET NOT NULL;",
                 1700000002000}});
  std::string url = create_database("rp_chunk");
  FlickRun run = migrate(url);
  ASSERT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_EQ(query_value(url, "SELECT count(*) FROM t"), "1");
  EXPECT_EQ(query_value(url,
                        "SELECT is_nullable FROM information_schema.columns WHERE table_name = "
                        "'t' AND column_name = 'x'"),
            "NO");
  EXPECT_EQ(bookkeeping_rows(url), 2);
}

TEST_F(RealPatterns, FileWrappedInItsOwnBeginCommitIsOneAtomicMigration) {
  write_folder(out_, {{"0000_wrapped",
                       "BEGIN;\nCREATE TABLE \"a\" (\"id\" integer);\n"
                       "CREATE TABLE \"b\" (\"id\" integer);\nCOMMIT;\n",
                       1700000001000},
                      {"0001_fails",
                       "BEGIN;\nCREATE TABLE \"c\" (\"id\" integer);\n"
                       "ALTER TABLE \"nope\" ADD COLUMN \"x\" integer;\nCOMMIT;\n",
                       1700000002000}});
  std::string url = create_database("rp_wrapped");
  FlickRun run = migrate(url);
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  EXPECT_TRUE(relation_exists(url, "public.a"));
  EXPECT_TRUE(relation_exists(url, "public.b"));
  EXPECT_FALSE(relation_exists(url, "public.c")) << "the failing file is rolled back whole";
  EXPECT_EQ(bookkeeping_rows(url), 1);
  EXPECT_EQ(run.err.find("commits its own transaction"), std::string::npos)
      << "a COMMIT at the end is the migration's own: no warning\n"
      << run.err;
}

TEST_F(RealPatterns, CommitInTheMiddleBeforeConcurrentlyIsFollowedWithAWarning) {
  write_folder(out_, {{"0000_t", "CREATE TABLE \"t\" (\"id\" integer);\n", 1700000001000},
                      {"0001_backfill_then_index",
                       "ALTER TABLE \"t\" ADD COLUMN \"x\" integer;--> statement-breakpoint\n"
                       "UPDATE \"t\" SET \"x\" = 1;--> statement-breakpoint\n"
                       "COMMIT;--> statement-breakpoint\n"
                       "CREATE INDEX CONCURRENTLY \"t_x\" ON \"t\" (\"x\");",
                       1700000002000}});
  std::string url = create_database("rp_commit");
  FlickRun run = migrate(url);
  ASSERT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_NE(run.err.find("0001_backfill_then_index.sql:3: the file commits its own transaction"),
            std::string::npos)
      << run.err;
  EXPECT_TRUE(relation_exists(url, "public.t_x"));
  EXPECT_EQ(bookkeeping_rows(url), 2);

  FlickRun all = migrate(create_database("rp_commit_all"), {"--tx", "all"});
  EXPECT_EQ(all.exit_code, 2) << all.out << all.err;
  EXPECT_NE(all.err.find("ends the file's transaction before its last statement"),
            std::string::npos)
      << all.err;
}

TEST_F(RealPatterns, DoBlockForeignKeysFunctionsAndTriggers) {
  write_folder(
      out_,
      {{"0000_tables",
        "CREATE TABLE \"users\" (\"id\" serial PRIMARY KEY NOT NULL, \"updated_at\" timestamp);\n"
        "--> statement-breakpoint\n"
        "CREATE TABLE \"posts\" (\"id\" serial PRIMARY KEY NOT NULL, \"author_id\" integer);\n"
        "--> statement-breakpoint\n"
        "DO $$ BEGIN\n ALTER TABLE \"posts\" ADD CONSTRAINT \"posts_author_id_users_id_fk\" "
        "FOREIGN KEY (\"author_id\") REFERENCES \"public\".\"users\"(\"id\") ON DELETE no action "
        "ON UPDATE no action;\nEXCEPTION\n WHEN duplicate_object THEN null;\nEND $$;\n",
        1700000001000},
       {"0001_touch",
        "CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n"
        "  NEW.updated_at = now();\n  RETURN NEW;\nEND;\n$$;--> statement-breakpoint\n"
        "CREATE TRIGGER users_touch BEFORE UPDATE ON \"users\" FOR EACH ROW EXECUTE FUNCTION "
        "touch();",
        1700000002000}});
  std::string url = create_database("rp_do_fn");
  FlickRun run = migrate(url);
  ASSERT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_EQ(query_value(url,
                        "SELECT count(*) FROM pg_constraint WHERE conname = "
                        "'posts_author_id_users_id_fk'"),
            "1");
  EXPECT_EQ(query_value(url, "SELECT count(*) FROM pg_trigger WHERE tgname = 'users_touch'"), "1");

  // check follows the same history: nothing but the snapshots this test does not write.
  FlickRun check = run_flick({"check", "--out", out_.string(), "--json"});
  std::vector<std::string> rules;
  for (const auto& finding : nlohmann::json::parse(check.out)["findings"]) {
    if (finding["rule"] != "missing-snapshot") rules.push_back(finding["rule"]);
  }
  EXPECT_EQ(rules, std::vector<std::string>{}) << check.out;
}

// Refused before anything is created (issue 16's classes 4-6): a journal tag that leaves the
// folder, a migration path that is a directory, a folder without a journal.
TEST_F(RealPatterns, FolderInputsThatMustNeverRun) {
  std::string url = create_database("rp_refused");
  write_text(dir_ / "outside.sql", "CREATE TABLE \"escaped\" (\"id\" integer);\n");
  write_folder(out_, {{"0000_t", "CREATE TABLE \"t\" (\"id\" integer);\n", 1700000001000}});
  std::string journal = read_text(out_ / "meta" / "_journal.json");
  std::string traversal = journal;
  traversal.replace(traversal.find("\"0000_t\""), 8, "\"../outside\"");
  write_text(out_ / "meta" / "_journal.json", traversal);
  FlickRun escaped = migrate(url);
  EXPECT_EQ(escaped.exit_code, 2) << escaped.out << escaped.err;
  EXPECT_NE(escaped.err.find("entries[0].tag"), std::string::npos) << escaped.err;
  EXPECT_NE(escaped.err.find("is not a file name in the migration folder"), std::string::npos)
      << escaped.err;

  write_text(out_ / "meta" / "_journal.json", journal);
  fs::remove(out_ / "0000_t.sql");
  fs::create_directory(out_ / "0000_t.sql");
  FlickRun directory = migrate(url);
  EXPECT_EQ(directory.exit_code, 2) << directory.out << directory.err;
  EXPECT_NE(directory.err.find("is not a regular file"), std::string::npos) << directory.err;

  FlickRun missing = run_flick({"migrate", "--out", (dir_ / "nowhere").string(), "--url", url});
  EXPECT_EQ(missing.exit_code, 2) << missing.out << missing.err;
  EXPECT_NE(missing.err.find("no meta/_journal.json"), std::string::npos) << missing.err;

  EXPECT_FALSE(relation_exists(url, "public.escaped"));
  EXPECT_FALSE(relation_exists(url, "public.t"));
  EXPECT_EQ(query_value(url, "SELECT count(*) FROM pg_namespace WHERE nspname = 'drizzle'"), "0")
      << "no bookkeeping created";
}

}  // namespace
}  // namespace flick::testing
