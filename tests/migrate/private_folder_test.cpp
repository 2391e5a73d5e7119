// The embedded PostgreSQL of a project in a private folder (like a clone under /root): as root the
// server runs as `postgres`, which cannot enter it, so the cluster lives in /var/tmp behind a
// .flick/pg symbolic link, and migrate works through it.

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "flick_process.hpp"

namespace flick::testing {
namespace {
namespace fs = std::filesystem;

TEST(PrivateFolder, EmbeddedClusterLivesOutsideBehindASymlink) {
  if (::geteuid() != 0) GTEST_SKIP() << "only root runs the server as another user";
  const fs::path project = make_temp_dir("flick-private");
  ASSERT_EQ(::chmod(project.c_str(), 0700), 0);
  const std::string config = (project / "flick.toml").string();
  write_text(project / "flick.toml", "dialect = \"postgresql\"\nout = \"drizzle\"\n");
  write_text(project / "drizzle/0000_init.sql", "CREATE TABLE \"t\" (\"id\" integer);");
  write_text(project / "drizzle/meta/_journal.json",
             "{\"version\": \"7\", \"dialect\": \"postgresql\", \"entries\": [{\"idx\": 0, "
             "\"version\": \"7\", \"when\": 1700000000000, \"tag\": \"0000_init\", "
             "\"breakpoints\": true}]}");

  FlickRun start = run_flick({"db", "start", "--config", config});
  ASSERT_EQ(start.exit_code, 0) << start.err;
  const fs::path link = project / ".flick" / "pg";
  EXPECT_TRUE(fs::is_symlink(link));
  const fs::path target = fs::read_symlink(link);
  EXPECT_EQ(target.parent_path(), fs::path("/var/tmp"));
  EXPECT_EQ(target.filename().string().rfind("flick-pg-", 0), 0u) << target;

  FlickRun migrate = run_flick({"migrate", "--config", config});
  EXPECT_EQ(migrate.exit_code, 0) << migrate.err;
  EXPECT_NE(migrate.out.find("1 migration"), std::string::npos) << migrate.out;
  FlickRun again = run_flick({"db", "start", "--config", config});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(fs::read_symlink(link), target) << "a second start must reuse the same cluster";

  FlickRun stop = run_flick({"db", "stop", "--config", config});
  EXPECT_EQ(stop.exit_code, 0) << stop.err;
  fs::remove_all(target);
  fs::remove_all(project);
}

}  // namespace
}  // namespace flick::testing
