// flick backs its heap with transparent huge pages when the kernel leaves them to programs
// (tools/flick/huge_pages.hpp): the same output, far fewer page faults. The environment the
// programs flick starts inherit is checked in tests/migrate/huge_pages_environment_test.cpp.

#include <gtest/gtest.h>
#include <sys/resource.h>

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
                    "does not reach it, and flick does not re-execute";
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
  // Not re-executed with huge pages: about as many faults as the opted-out run.
  EXPECT_GT(refused_faults * 3, plain_faults_ * 2)
      << "with hugetlb=0 " << refused_faults << ", opted out " << plain_faults_;
}

}  // namespace
}  // namespace flick::cli_test
