// flick's launcher starts flick-core with glibc's huge-page tunable (tools/flick/huge_pages.hpp),
// which puts GLIBC_TUNABLES back before it starts anything: the embedded PostgreSQL server it
// starts sees the user's environment, not flick's. `pull` is re-executed (it builds a whole
// catalog) and starts the embedded cluster when no URL is configured.

#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "database_helpers.hpp"
#include "flick_process.hpp"
#include "migrate/advisory_lock.hpp"
#include "migration_folder.hpp"
#include "pg/pg.hpp"
#include "support/test_cluster.hpp"
#include "support/transparent_huge_pages.hpp"

namespace flick::testing {
namespace {
namespace fs = std::filesystem;

// The environment a running process started with ("NAME=value" entries).
std::vector<std::string> environment_of(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/environ", std::ios::binary);
  std::vector<std::string> entries;
  std::string entry;
  while (std::getline(in, entry, '\0')) entries.push_back(entry);
  return entries;
}

// The value of `name` in `entries`, or nullopt when it is not there.
std::optional<std::string> value_of(const std::vector<std::string>& entries,
                                    const std::string& name) {
  for (const std::string& entry : entries) {
    if (entry.rfind(name + "=", 0) == 0) return entry.substr(name.size() + 1);
  }
  return std::nullopt;
}

// The postmaster's pid from the cluster's postmaster.pid under `project`'s .flick folder.
pid_t postmaster_pid(const fs::path& project) {
  for (const auto& file : fs::recursive_directory_iterator(
           project / ".flick", fs::directory_options::follow_directory_symlink)) {
    if (file.path().filename() != "postmaster.pid") continue;
    std::ifstream in(file.path());
    pid_t pid = 0;
    in >> pid;
    return pid;
  }
  return 0;
}

class TunablesRestore {
 public:
  TunablesRestore() {
    if (const char* value = std::getenv("GLIBC_TUNABLES")) saved_ = value;
  }
  ~TunablesRestore() {
    if (saved_) {
      setenv("GLIBC_TUNABLES", saved_->c_str(), 1);
    } else {
      unsetenv("GLIBC_TUNABLES");
    }
  }

 private:
  std::optional<std::string> saved_;
};

TEST(HugePagesEnvironment, TheServerFlickStartsSeesTheUsersTunables) {
  TunablesRestore restore;
  const fs::path project = make_temp_dir("flick-huge-pages");
  const std::string config = (project / "flick.toml").string();
  write_text(project / "flick.toml", "dialect = \"postgresql\"\nout = \"drizzle\"\n");

  // Set by the user: flick adds its own to it for itself only.
  setenv("GLIBC_TUNABLES", "glibc.malloc.perturb=0", 1);
  FlickRun start = run_flick(
      {"pull", "--config", config, "--no-baseline", "--out-schema", (project / "schema").string()});
  ASSERT_EQ(start.exit_code, 0) << start.err;
  pid_t server = postmaster_pid(project);
  ASSERT_GT(server, 0);
  std::vector<std::string> environment = environment_of(server);
  ASSERT_FALSE(environment.empty());
  EXPECT_EQ(value_of(environment, "GLIBC_TUNABLES"), "glibc.malloc.perturb=0");
  EXPECT_EQ(value_of(environment, "FLICK_SAVED_GLIBC_TUNABLES"), std::nullopt);
  ASSERT_EQ(run_flick({"db", "stop", "--config", config}).exit_code, 0);

  // Not set by the user: not set for the server either.
  unsetenv("GLIBC_TUNABLES");
  start = run_flick(
      {"pull", "--config", config, "--no-baseline", "--out-schema", (project / "schema").string()});
  ASSERT_EQ(start.exit_code, 0) << start.err;
  server = postmaster_pid(project);
  ASSERT_GT(server, 0);
  environment = environment_of(server);
  ASSERT_FALSE(environment.empty());
  EXPECT_EQ(value_of(environment, "GLIBC_TUNABLES"), std::nullopt);
  EXPECT_EQ(value_of(environment, "FLICK_SAVED_GLIBC_TUNABLES"), std::nullopt);
  EXPECT_EQ(run_flick({"db", "stop", "--config", config}).exit_code, 0);

  std::error_code ignored;
  if (fs::is_symlink(project / ".flick" / "pg", ignored)) {
    fs::remove_all(fs::read_symlink(project / ".flick" / "pg"), ignored);
  }
  fs::remove_all(project, ignored);
}

// Whether a running flick was started with the tunable (re-executed, in the words of the tests
// written before the launcher): the environment a process started with (what /proc/PID/environ
// shows) holds the saved tunables only in flick-core's image when the launcher added the tunable.
// Polls for up to `patience`, as the launcher may not have started flick-core yet.
bool re_executed(pid_t pid, std::chrono::milliseconds patience) {
  auto deadline = std::chrono::steady_clock::now() + patience;
  do {
    if (value_of(environment_of(pid), "FLICK_SAVED_GLIBC_TUNABLES")) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  } while (std::chrono::steady_clock::now() < deadline);
  return false;
}

// Only the commands that build large models pay the re-exec: a migrate waiting for the lock has
// not re-executed; `docs --serve` (it reads the whole schema) has.
TEST(HugePagesEnvironment, OnlyCommandsThatBuildLargeModelsReExecute) {
  if (!kernel_in_madvise_mode()) {
    GTEST_SKIP() << "transparent huge pages are not in madvise mode here: flick leaves them alone";
  }
  TunablesRestore restore;
  unsetenv("GLIBC_TUNABLES");
  const fs::path dir = make_temp_dir("flick-huge-pages-commands");
  write_folder(dir / "drizzle", counter_migrations(2));
  std::string url = create_database("m_huge_pages");
  pg::Connection holder(url);
  migrate::AdvisoryLock held(holder, "flick migrate \"drizzle\".\"__drizzle_migrations\"",
                             std::chrono::milliseconds(0));
  BackgroundFlick migrating(
      {"migrate", "--out", (dir / "drizzle").string(), "--url", url, "--lock-timeout", "20s"});
  // Connected, and polling for the lock: any re-exec happened before it connected.
  std::string holder_pid = holder.exec("SELECT pg_backend_pid()").value(0, 0);
  std::string others =
      "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid NOT IN "
      "(pg_backend_pid(), " +
      holder_pid + ")";
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (query_value(url, others) == "0" && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_NE(query_value(url, others), "0") << "the migrate never connected";
  EXPECT_FALSE(re_executed(migrating.pid(), std::chrono::milliseconds(0)));
  migrating.kill(SIGTERM);
  migrating.wait();

  write_text(dir / "schema.sql", "CREATE TABLE notes (id integer PRIMARY KEY);\n");
  BackgroundFlick serving({"docs", "--serve", "--port", "0", "--schema",
                           (dir / "schema.sql").string(), "--migrations",
                           (dir / "drizzle").string()});
  EXPECT_TRUE(re_executed(serving.pid(), std::chrono::seconds(10)));
  serving.kill(SIGTERM);
  serving.wait();
  std::error_code ignored;
  fs::remove_all(dir, ignored);
}

}  // namespace
}  // namespace flick::testing
