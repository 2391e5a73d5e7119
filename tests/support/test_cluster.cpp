#include "support/test_cluster.hpp"

#include <fmt/core.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>

#include "pg/pg.hpp"

namespace flick::testing {

namespace {

namespace fs = std::filesystem;

constexpr const char* kDirPrefix = "flick-test-pg-";

constexpr int kMaxClusters = 4;
std::unique_ptr<localdb::LocalCluster> clusters[kMaxClusters];
volatile sig_atomic_t postmaster_pids[kMaxClusters] = {};

bool process_alive(pid_t pid) { return pid > 0 && (kill(pid, 0) == 0 || errno == EPERM); }

pid_t read_first_int(const fs::path& file) {
  std::ifstream in(file);
  long value = 0;
  in >> value;
  return in ? static_cast<pid_t>(value) : 0;
}

// Shuts the server down at once (SIGQUIT is PostgreSQL's immediate shutdown) and lets the
// signal take its default course.
void on_fatal_signal(int signal_number) {
  for (int i = 0; i < kMaxClusters; ++i) {
    if (postmaster_pids[i] > 0) kill(postmaster_pids[i], SIGQUIT);
  }
  ::signal(signal_number, SIG_DFL);
  raise(signal_number);
}

void install_signal_handlers() {
  for (int signal_number : {SIGINT, SIGTERM, SIGHUP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE}) {
    ::signal(signal_number, on_fatal_signal);
  }
}

// Removes the clusters of earlier test programs that died without cleaning up.
void remove_orphaned_clusters(const fs::path& temp) {
  std::error_code ignored;
  for (const fs::directory_entry& entry : fs::directory_iterator(temp, ignored)) {
    if (!entry.path().filename().string().starts_with(kDirPrefix)) continue;
    if (process_alive(read_first_int(entry.path() / "owner.pid"))) continue;
    pid_t server = read_first_int(entry.path() / "data" / "postmaster.pid");
    if (process_alive(server)) {
      kill(server, SIGQUIT);
      for (int i = 0; i < 100 && process_alive(server); ++i) usleep(50'000);
    }
    fs::remove_all(entry.path(), ignored);
  }
}

void stop_and_delete(int index) {
  std::unique_ptr<localdb::LocalCluster>& cluster = clusters[index];
  if (!cluster) return;
  fs::path dir = cluster->dir();
  try {
    cluster->stop();
  } catch (const std::exception& error) {
    fmt::print(stderr, "stopping the test cluster failed: {}\n", error.what());
    if (postmaster_pids[index] > 0) kill(postmaster_pids[index], SIGQUIT);
  }
  postmaster_pids[index] = 0;
  cluster.reset();
  std::error_code ignored;
  fs::remove_all(dir, ignored);
}

class ClusterEnvironment : public ::testing::Environment {
 public:
  void TearDown() override {
    for (int i = 0; i < kMaxClusters; ++i) stop_and_delete(i);
  }
};

[[maybe_unused]] ::testing::Environment* const environment =
    ::testing::AddGlobalTestEnvironment(new ClusterEnvironment);

}  // namespace

localdb::LocalCluster& test_cluster(int index) {
  if (index < 0 || index >= kMaxClusters) {
    throw std::invalid_argument(fmt::format("test cluster {}: there are {}", index, kMaxClusters));
  }
  std::unique_ptr<localdb::LocalCluster>& cluster = clusters[index];
  if (cluster) return *cluster;
  fs::path temp = fs::temp_directory_path();
  if (index == 0) remove_orphaned_clusters(temp);
  std::string pattern = (temp / (std::string(kDirPrefix) + "XXXXXX")).string();
  if (mkdtemp(pattern.data()) == nullptr) {
    throw std::runtime_error(fmt::format("mkdtemp {} failed", pattern));
  }
  fs::path dir = pattern;
  fs::permissions(dir, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                           fs::perms::others_read | fs::perms::others_exec);
  std::ofstream(dir / "owner.pid") << getpid() << "\n";
  localdb::ClusterOptions options;
  options.durable = false;
  cluster = std::make_unique<localdb::LocalCluster>(dir, options);
  install_signal_handlers();
  try {
    cluster->start();
  } catch (...) {
    stop_and_delete(index);
    throw;
  }
  postmaster_pids[index] = read_first_int(cluster->data_dir() / "postmaster.pid");
  return *cluster;
}

void note_restarted(int index) {
  if (index < 0 || index >= kMaxClusters || !clusters[index]) return;
  postmaster_pids[index] = read_first_int(clusters[index]->data_dir() / "postmaster.pid");
}

std::string create_database(const std::string& name) {
  if (name.empty() ||
      name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos) {
    throw std::invalid_argument("test database names are [a-z0-9_]+, not " + name);
  }
  localdb::LocalCluster& server = test_cluster();
  pg::Connection admin(server.url());
  admin.exec(fmt::format("DROP DATABASE IF EXISTS {} WITH (FORCE)", name));
  admin.exec(fmt::format("CREATE DATABASE {}", name));
  return server.url(name);
}

}  // namespace flick::testing
