// Migration folders that lie: a statement nested past any real depth, a last snapshot that is
// missing or a copy, a truncated middle snapshot, journals with impossible numbers. Each is
// refused (exit 2, or a check error) naming the file, and nothing is written or run.

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <set>

#include "database_helpers.hpp"
#include "flick_process.hpp"
#include "support/test_cluster.hpp"

namespace flick::testing {
namespace {

namespace fs = std::filesystem;

class HostileFolders : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = make_temp_dir("flick-adversarial-folder"); }
  void TearDown() override { fs::remove_all(dir_); }

  // generate with `statements` as the schema file into dir_/drizzle.
  FlickRun generate(const std::string& statements) {
    write_text(dir_ / "schema.sql", statements);
    return run_flick({"generate", "--schema", (dir_ / "schema.sql").string(), "--out",
                      (dir_ / "drizzle").string(), "--name", "step"});
  }
  // Two migrations: 0000 creates a, 0001 creates b.
  void two_migrations() {
    ASSERT_EQ(generate("CREATE TABLE a (id int);\n").exit_code, 0);
    ASSERT_EQ(generate("CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n").exit_code, 0);
  }
  std::set<std::string> files() {
    std::set<std::string> names;
    for (const auto& entry : fs::recursive_directory_iterator(dir_ / "drizzle")) {
      names.insert(fs::relative(entry.path(), dir_ / "drizzle").string());
    }
    return names;
  }
  fs::path dir_;
};

// 2,500 unbalanced parentheses used to drop that statement and every later one (exit 0, and
// migrate recorded the migration as applied).
TEST_F(HostileFolders, UnbalancedParenthesesAreASyntaxErrorNotADroppedStatement) {
  fs::path out = dir_ / "drizzle";
  fs::create_directories(out / "meta");
  write_text(out / "meta" / "_journal.json",
             R"({"version":"7","dialect":"postgresql","entries":[{"idx":0,"version":"7",)"
             R"("when":1700000000000,"tag":"0000_init","breakpoints":true}]})");
  std::string sql = "CREATE TABLE a (id int);\nSELECT " + std::string(2500, '(') + "1;\n" +
                    "CREATE TABLE b (id int);\n";
  write_text(out / "0000_init.sql", sql);
  std::string url = create_database("adversarial_parentheses");
  FlickRun run = run_flick({"migrate", "--out", out.string(), "--url", url});
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
  EXPECT_NE(run.err.find("0000_init.sql:2:2509: syntax error"), std::string::npos) << run.err;
  EXPECT_FALSE(relation_exists(url, "public.a"));
  EXPECT_FALSE(relation_exists(url, "public.b"));
  EXPECT_EQ(query_value(url, "SELECT count(*) FROM pg_namespace WHERE nspname = 'drizzle'"), "0");

  write_text(dir_ / "schema.sql", sql);
  FlickRun exported = run_flick({"export", "--schema", (dir_ / "schema.sql").string()});
  EXPECT_EQ(exported.exit_code, 2) << exported.out;
  EXPECT_EQ(exported.out, "");
}

// With the last migration's snapshot gone, generate diffed against the one before and wrote
// CREATE TABLE b again.
TEST_F(HostileFolders, GenerateRefusesAMissingLastSnapshot) {
  two_migrations();
  fs::remove(dir_ / "drizzle" / "meta" / "0001_snapshot.json");
  std::set<std::string> before = files();
  FlickRun run = generate(
      "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\nCREATE TABLE c (id "
      "int);\n");
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
  EXPECT_NE(run.err.find("0001_snapshot.json: missing: it is the snapshot of 0001_step"),
            std::string::npos)
      << run.err;
  EXPECT_EQ(files(), before) << "nothing written";
}

// A copy of the previous snapshot (the same id) as the last one: generate would re-do 0001.
TEST_F(HostileFolders, GenerateAndCheckRefuseACopiedLastSnapshot) {
  two_migrations();
  fs::path meta = dir_ / "drizzle" / "meta";
  fs::copy_file(meta / "0000_snapshot.json", meta / "0001_snapshot.json",
                fs::copy_options::overwrite_existing);
  std::set<std::string> before = files();
  FlickRun run = generate("CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n");
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
  EXPECT_NE(run.err.find("it is a copy of the previous snapshot"), std::string::npos) << run.err;
  EXPECT_EQ(files(), before) << "nothing written";

  FlickRun check = run_flick({"check", "--out", (dir_ / "drizzle").string()});
  EXPECT_EQ(check.exit_code, 1) << check.out << check.err;
  EXPECT_NE(check.out.find("error [snapshot-duplicate-id] meta/0001_snapshot.json: has the id"),
            std::string::npos)
      << check.out;
  FlickRun fixed = run_flick({"check", "--fix", "--out", (dir_ / "drizzle").string()});
  EXPECT_EQ(fixed.exit_code, 0) << fixed.out << fixed.err;
  FlickRun again = generate("CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n");
  EXPECT_EQ(again.exit_code, 0) << again.out << again.err;
  EXPECT_NE(again.out.find("No schema changes"), std::string::npos) << again.out;
}

// A middle snapshot cut after its ids used to pass check (only the ids were read).
TEST_F(HostileFolders, CheckFindsATruncatedMiddleSnapshot) {
  two_migrations();
  ASSERT_EQ(generate("CREATE TABLE a (id int);\nCREATE TABLE b (id int);\nCREATE TABLE c (id "
                     "int);\n")
                .exit_code,
            0);
  fs::path middle = dir_ / "drizzle" / "meta" / "0001_snapshot.json";
  std::string text = read_text(middle);
  ASSERT_GT(text.find("\"prevId\""), 0u);
  write_text(middle, text.substr(0, text.find("\"tables\"") + 12));
  FlickRun check = run_flick({"check", "--out", (dir_ / "drizzle").string()});
  EXPECT_EQ(check.exit_code, 1) << check.out << check.err;
  EXPECT_NE(check.out.find("error [bad-snapshot] meta/0001_snapshot.json"), std::string::npos)
      << check.out;
}

// Journal numbers drizzle-kit never writes were accepted by migrate and lint.
TEST_F(HostileFolders, ImpossibleJournalNumbersAreRefused) {
  struct Case {
    std::string journal;
    std::string message;
  };
  const std::string entry_head = R"({"idx":0,"version":"7","when":1700000000000,)";
  std::vector<Case> cases = {
      {R"({"version":"99","dialect":"postgresql","entries":[)" + entry_head +
           R"("tag":"0000_init","breakpoints":true}]})",
       "_journal.json: version: \"99\" is not a journal version drizzle-kit writes"},
      {R"({"version":"7","dialect":"postgresql","entries":[{"idx":-1,"version":"7",)"
       R"("when":1700000000000,"tag":"0000_init","breakpoints":true}]})",
       "entries[0].idx: -1 is not a migration number"},
      {R"({"version":"7","dialect":"postgresql","entries":[{"idx":0,"version":"7","when":0,)"
       R"("tag":"0000_init","breakpoints":true}]})",
       "entries[0].when: 0 is not a creation time"},
      {R"({"version":"7","dialect":"postgresql","entries":[{"idx":0,"version":"7","when":-5,)"
       R"("tag":"0000_init","breakpoints":true}]})",
       "entries[0].when: -5 is not a creation time"},
  };
  std::string url = create_database("adversarial_journal");
  fs::path out = dir_ / "drizzle";
  fs::create_directories(out / "meta");
  write_text(out / "0000_init.sql", "CREATE TABLE a (id int);\n");
  for (const Case& item : cases) {
    write_text(out / "meta" / "_journal.json", item.journal);
    FlickRun run = run_flick({"migrate", "--out", out.string(), "--url", url});
    EXPECT_EQ(run.exit_code, 2) << item.journal << run.out << run.err;
    EXPECT_NE(run.err.find(item.message), std::string::npos) << run.err;
    FlickRun check = run_flick({"check", "--out", out.string()});
    EXPECT_EQ(check.exit_code, 2) << item.journal << check.out << check.err;
  }
  EXPECT_FALSE(relation_exists(url, "public.a"));
  EXPECT_EQ(query_value(url, "SELECT count(*) FROM pg_namespace WHERE nspname = 'drizzle'"), "0");

  // Two entries with one idx: two branches each added migration 0. check calls it an error.
  write_text(out / "0001_other.sql", "CREATE TABLE b (id int);\n");
  write_text(out / "meta" / "_journal.json",
             R"({"version":"7","dialect":"postgresql","entries":[)" + entry_head +
                 R"("tag":"0000_init","breakpoints":true},{"idx":0,"version":"7",)"
                 R"("when":1700000001000,"tag":"0001_other","breakpoints":true}]})");
  FlickRun check = run_flick({"check", "--out", out.string()});
  EXPECT_EQ(check.exit_code, 1) << check.out << check.err;
  EXPECT_NE(check.out.find("error [journal-idx] meta/_journal.json: entry 1 (\"0001_other\") has "
                           "idx 0 like an earlier entry"),
            std::string::npos)
      << check.out;
}

}  // namespace
}  // namespace flick::testing

namespace flick::testing {
namespace {

// Robustness class 15: the printed --rename flag for a name with '"', '=', ':', '#' or a quote
// could not be pasted back (not shell-quoted, split at the '=' inside the name), and '#' in a
// hints file always started a comment. The flag as printed, run by a shell, now renames.
TEST_F(HostileFolders, RenameSuggestionsCanBePastedBackIntoAShell) {
  ASSERT_EQ(generate("CREATE TABLE users (id int, \"x=y:z#w'\" text);\n").exit_code, 0);
  FlickRun ambiguous = generate("CREATE TABLE users (id int, \"new \"\"n\"\"\" text);\n");
  ASSERT_EQ(ambiguous.exit_code, 2) << ambiguous.out << ambiguous.err;
  std::size_t start = ambiguous.err.find("--rename ");
  ASSERT_NE(start, std::string::npos) << ambiguous.err;
  std::string flag = ambiguous.err.substr(start, ambiguous.err.find("   if ", start) - start);
  EXPECT_EQ(flag, R"(--rename 'column:users."x=y:z#w'\''"="new ""n"""')") << ambiguous.err;
  std::string command =
      fmt::format("'{}' generate --schema '{}' --out '{}' {} </dev/null 2>&1", flick_binary(),
                  (dir_ / "schema.sql").string(), (dir_ / "drizzle").string(), flag);
  FILE* shell = popen(command.c_str(), "r");
  ASSERT_NE(shell, nullptr);
  std::string output;
  char buffer[512];
  for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, shell)) > 0;) output.append(buffer, n);
  EXPECT_EQ(pclose(shell), 0) << output;
  std::string migration;
  for (const auto& entry : fs::directory_iterator(dir_ / "drizzle")) {
    if (entry.path().filename().string().starts_with("0001")) migration = read_text(entry.path());
  }
  EXPECT_EQ(migration, "ALTER TABLE \"users\" RENAME COLUMN \"x=y:z#w'\" TO \"new \"\"n\"\"\";");
}

// The same rename from a hints file: '#' inside a quoted name is part of the name.
TEST_F(HostileFolders, HashInsideAQuotedNameInAHintsFileIsNotAComment) {
  ASSERT_EQ(generate("CREATE TABLE t (id int, \"a#b\" text);\n").exit_code, 0);
  write_text(dir_ / "hints.txt", "rename column:t.\"a#b\"=c   # renamed for the API\n");
  write_text(dir_ / "schema.sql", "CREATE TABLE t (id int, c text);\n");
  FlickRun run = run_flick({"generate", "--schema", (dir_ / "schema.sql").string(), "--out",
                            (dir_ / "drizzle").string(), "--hints", (dir_ / "hints.txt").string()});
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_NE(run.out.find("(1 statement)"), std::string::npos) << run.out;
}

// Found by the malformed-input run (tests/robustness): an earlier snapshot that is a FIFO or a
// link to /dev/zero hung check (or read without end); a migration file that is a link out of the
// folder was run; a schema named pg_* was accepted and an enum in pg_catalog never converged.
TEST_F(HostileFolders, SpecialFilesAndLinksOutOfTheFolderAreRefused) {
  two_migrations();
  fs::path meta = dir_ / "drizzle" / "meta";
  fs::remove(meta / "0000_snapshot.json");
  ASSERT_EQ(mkfifo((meta / "0000_snapshot.json").c_str(), 0600), 0);
  FlickRun fifo = run_flick({"check", "--out", (dir_ / "drizzle").string()});
  EXPECT_EQ(fifo.exit_code, 1) << fifo.out << fifo.err;
  EXPECT_NE((fifo.out + fifo.err).find("0000_snapshot.json"), std::string::npos)
      << fifo.out << fifo.err;
  fs::remove(meta / "0000_snapshot.json");
  fs::create_symlink("/dev/zero", meta / "0000_snapshot.json");
  FlickRun zero = run_flick({"check", "--out", (dir_ / "drizzle").string()});
  EXPECT_EQ(zero.exit_code, 1) << zero.out << zero.err;

  fs::path outside = dir_ / "outside.sql";
  write_text(outside, "CREATE TABLE outside_ran (id int);\n");
  fs::path second;
  for (const auto& entry : fs::directory_iterator(dir_ / "drizzle")) {
    if (entry.path().filename().string().starts_with("0001_")) second = entry.path();
  }
  ASSERT_FALSE(second.empty());
  fs::remove(second);
  fs::create_symlink(outside, second);
  std::string url = create_database("adv_link_out");
  FlickRun link = run_flick({"migrate", "--out", (dir_ / "drizzle").string(), "--url", url});
  EXPECT_EQ(link.exit_code, 2) << link.out << link.err;
  EXPECT_NE(link.err.find("outside the migration folder"), std::string::npos) << link.err;
  EXPECT_FALSE(relation_exists(url, "public.outside_ran"));
  EXPECT_FALSE(relation_exists(url, "public.a")) << "nothing of the folder runs either";

  FlickRun reserved = generate("CREATE SCHEMA pg_app;\nCREATE TABLE pg_app.t (id int);\n");
  EXPECT_EQ(reserved.exit_code, 2) << reserved.out << reserved.err;
  EXPECT_NE(reserved.err.find("prefix \"pg_\" is reserved"), std::string::npos) << reserved.err;
}

}  // namespace
}  // namespace flick::testing
