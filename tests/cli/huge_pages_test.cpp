// flick backs its heap with transparent huge pages when the kernel leaves them to programs
// (tools/flick/huge_pages.hpp): the same output, far fewer page faults. The environment the
// programs flick starts inherit is checked in tests/migrate/huge_pages_environment_test.cpp.

#include <gtest/gtest.h>
#include <sys/resource.h>

#include <filesystem>
#include <string>

#include "cli_run.hpp"
#include "support/transparent_huge_pages.hpp"

namespace flick::cli_test {
namespace {

// A schema of `tables` tables of eight columns, an index and a foreign key each.
std::string wide_schema(int tables) {
  std::string sql;
  for (int t = 0; t < tables; ++t) {
    std::string name = "t" + std::to_string(t);
    sql += "CREATE TABLE " + name +
           " (id serial PRIMARY KEY, name varchar(80) NOT NULL DEFAULT 'x', body text, "
           "score numeric(10, 2) DEFAULT 0, active boolean NOT NULL DEFAULT true, data jsonb, "
           "created_at timestamptz NOT NULL DEFAULT now()";
    if (t > 0) sql += ", parent_id integer REFERENCES t" + std::to_string(t - 1) + " (id)";
    sql += ");\nCREATE INDEX " + name + "_name_idx ON " + name + " (name);\n";
  }
  return sql;
}

// Minor page faults of the processes a run_flick call waited for (the shell, env and flick).
long faults_of(const TempDir& dir, const std::vector<std::string>& env, RunResult& result) {
  rusage before{};
  getrusage(RUSAGE_CHILDREN, &before);
  result = run_flick(dir.path(), {"export", "--schema", "schema.sql"}, env);
  rusage after{};
  getrusage(RUSAGE_CHILDREN, &after);
  return after.ru_minflt - before.ru_minflt;
}

// A 600-table schema, exported once with huge pages turned off.
class HugePages : public ::testing::Test {
 protected:
  void SetUp() override {
#if defined(FLICK_SANITIZED)
    GTEST_SKIP() << "a sanitized build: ASan's allocator serves malloc, glibc's huge-page tunable "
                    "does not reach it, and flick-core is not started with it";
#endif
    if (!flick::testing::kernel_in_madvise_mode()) {
      GTEST_SKIP() << "transparent huge pages are not in madvise mode here: flick leaves them "
                      "alone";
    }
    write_text(dir_.path() / "schema.sql", wide_schema(600));
    plain_faults_ = faults_of(dir_, {"FLICK_HUGE_PAGES=0"}, plain_);
    ASSERT_EQ(plain_.exit_code, 0) << plain_.err;
    ASSERT_NE(plain_.out.find("CREATE TABLE \"t599\""), std::string::npos);
  }

  TempDir dir_;
  RunResult plain_;
  long plain_faults_ = 0;
};

TEST_F(HugePages, ExportFaultsFewerPagesAndPrintsTheSame) {
  RunResult huge;
  long huge_faults = faults_of(dir_, {}, huge);
  ASSERT_EQ(huge.exit_code, 0) << huge.err;
  EXPECT_EQ(huge.out, plain_.out);
  // About 4 KiB per fault without, 2 MiB per fault with (measured: 2900 against 600).
  EXPECT_LT(huge_faults * 2, plain_faults_)
      << "with huge pages " << huge_faults << ", without " << plain_faults_;
}

TEST_F(HugePages, AUsersOwnHugetlbTunableStands) {
  RunResult refused;
  long refused_faults = faults_of(dir_, {"GLIBC_TUNABLES=glibc.malloc.hugetlb=0"}, refused);
  ASSERT_EQ(refused.exit_code, 0) << refused.err;
  EXPECT_EQ(refused.out, plain_.out);
  // Not started with huge pages: about as many faults as the opted-out run.
  EXPECT_GT(refused_faults * 3, plain_faults_ * 2)
      << "with hugetlb=0 " << refused_faults << ", opted out " << plain_faults_;
}

// How many times `text` holds `word`.
int count_of(const std::string& text, const std::string& word) {
  int count = 0;
  for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    ++count;
  }
  return count;
}

// flick is a launcher that decides on huge pages before any library is loaded and starts
// flick-core once (tools/flick/launcher/launcher.cpp). Before it, flick loaded its libraries, then
// re-executed itself with the tunable and loaded them again (where the kernel's huge pages are
// in madvise mode, as on the bench VM): libpg_query was looked up twice.
TEST(Launcher, ACommandThatBuildsLargeModelsLoadsItsLibrariesOnce) {
  TempDir dir;
  write_text(dir.path() / "schema.sql", "CREATE TABLE \"t\" (\"id\" integer);\n");
  RunResult result = run_flick(dir.path(), {"export", "--schema", "schema.sql"}, {"LD_DEBUG=libs"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("CREATE TABLE \"t\""), std::string::npos) << result.out;
  EXPECT_EQ(count_of(result.err, "find library=libpg_query"), 1) << result.err;
}

// The launcher alone, without flick-core beside it: a message naming what is missing, exit 127
// (the shell's "command not found"), nothing run.
TEST(Launcher, WithoutFlickCoreBesideItSaysWhatIsMissing) {
  TempDir dir;
  std::filesystem::path lone = dir.path() / "bin" / "flick";
  std::filesystem::create_directories(lone.parent_path());
  std::filesystem::copy_file(flick_binary(), lone);
  write_text(dir.path() / "schema.sql", "CREATE TABLE \"t\" (\"id\" integer);\n");
  RunResult result = run_program(dir.path(), lone.string(), {"export", "--schema", "schema.sql"});
  EXPECT_EQ(result.exit_code, 127) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_NE(result.err.find("cannot start " + (lone.parent_path() / "flick-core").string()),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("No such file or directory"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace flick::cli_test
