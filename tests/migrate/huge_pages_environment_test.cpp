// flick's launcher starts flick-core with glibc's huge-page tunable (tools/flick/huge_pages.hpp),
// which puts GLIBC_TUNABLES back before it starts anything: the embedded PostgreSQL server it
// starts sees the user's environment, not flick's. `pull` is re-executed (it builds a whole
// catalog) and starts the embedded cluster when no URL is configured.

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
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

// A TCP port on 127.0.0.1 that accepts connections and never answers: a client connecting there
// waits for its connect_timeout. Closed with the object.
class SilentServer {
 public:
  SilentServer() {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
        ::listen(fd_, 4) != 0 ||
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
      throw std::runtime_error("cannot listen on 127.0.0.1");
    }
    port_ = ntohs(address.sin_port);
  }
  ~SilentServer() { ::close(fd_); }
  SilentServer(const SilentServer&) = delete;
  SilentServer& operator=(const SilentServer&) = delete;
  int port() const { return port_; }

 private:
  int fd_ = -1;
  int port_ = 0;
};

// Only the commands that build large models pay the re-exec: a migrate waiting for the lock has
// not re-executed; a pull (it builds a whole catalog), waiting here for a server that never
// answers, has.
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

  SilentServer silent;
  BackgroundFlick pulling(
      {"pull", "--url", "postgresql://nobody@127.0.0.1:" + std::to_string(silent.port()) + "/none",
       "--no-baseline", "--out", (dir / "pulled-drizzle").string(), "--out-schema",
       (dir / "pulled").string()});
  EXPECT_TRUE(re_executed(pulling.pid(), std::chrono::seconds(10)));
  pulling.kill(SIGTERM);
  pulling.wait();
  std::error_code ignored;
  fs::remove_all(dir, ignored);
}

}  // namespace
}  // namespace flick::testing
