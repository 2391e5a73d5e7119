#include <fcntl.h>
#include <fmt/core.h>
#include <sys/file.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "flick/error.hpp"
#include "localdb/free_port.hpp"
#include "localdb/localdb.hpp"
#include "localdb/process.hpp"

namespace flick::localdb {

namespace fs = std::filesystem;

namespace {

constexpr int kStateVersion = 1;
constexpr std::size_t kMaxSocketPath = 107;  // sizeof(sockaddr_un::sun_path) - 1
constexpr int kLogTailLines = 30;
constexpr int kPortAttempts = 3;

// An exclusive flock on <dir>/cluster.lock for the lifetime of the object.
class DirLock {
 public:
  explicit DirLock(const fs::path& dir) {
    fs::path path = dir / "cluster.lock";
    fd_ = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) throw EnvironmentError(fmt::format("cannot create {}", path.string()));
    while (flock(fd_, LOCK_EX) != 0) {
      if (errno != EINTR) throw EnvironmentError(fmt::format("cannot lock {}", path.string()));
    }
  }
  ~DirLock() { close(fd_); }
  DirLock(const DirLock&) = delete;
  DirLock& operator=(const DirLock&) = delete;

 private:
  int fd_ = -1;
};

std::string log_tail(const fs::path& log) {
  std::ifstream in(log);
  if (!in) return fmt::format("({} does not exist)", log.string());
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::size_t first = lines.size() > kLogTailLines ? lines.size() - kLogTailLines : 0;
  std::string tail;
  for (std::size_t i = first; i < lines.size(); ++i) tail += "  " + lines[i] + "\n";
  return tail;
}

// A value for postgresql.conf: single-quoted, quotes doubled.
std::string conf_string(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

void write_file(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::trunc);
  out << text;
  if (!out.flush()) throw EnvironmentError(fmt::format("cannot write {}", path.string()));
}

}  // namespace

const char* to_string(ClusterState state) {
  switch (state) {
    case ClusterState::kNotInitialised:
      return "not initialised";
    case ClusterState::kStopped:
      return "stopped";
    case ClusterState::kRunning:
      return "running";
  }
  return "unknown";
}

LocalCluster::LocalCluster(fs::path dir, ClusterOptions options)
    : dir_(fs::absolute(std::move(dir)).lexically_normal()), options_(std::move(options)) {
  for (const char* program : {"initdb", "pg_ctl", "postgres"}) {
    if (!fs::exists(options_.bin_dir / program)) {
      throw EnvironmentError(
          fmt::format("PostgreSQL server program {} not found in {} (the local database needs the "
                      "PostgreSQL 15 server: install the postgresql-15 package)",
                      program, options_.bin_dir.string()));
    }
  }
  if (dir_.has_filename() == false) dir_ = dir_.parent_path();
  std::size_t socket_path = (dir_ / ".s.PGSQL.65535").string().size();
  if (socket_path > kMaxSocketPath) {
    throw UserError(fmt::format(
        "the local database directory {} is too long for a unix socket path ({} > {} bytes); "
        "use a shorter directory",
        dir_.string(), socket_path, kMaxSocketPath));
  }
}

void LocalCluster::start() {
  fs::create_directories(dir_);
  DirLock lock(dir_);
  start_locked();
}

void LocalCluster::stop() {
  if (!fs::exists(dir_)) return;
  DirLock lock(dir_);
  stop_locked();
}

void LocalCluster::reset() {
  fs::create_directories(dir_);
  DirLock lock(dir_);
  stop_locked();
  for (const fs::directory_entry& entry : fs::directory_iterator(dir_)) {
    if (entry.path().filename() != "cluster.lock") fs::remove_all(entry.path());
  }
  start_locked();
}

ClusterStatus LocalCluster::status() const {
  ClusterStatus status;
  status.port = read_port();
  if (!fs::exists(data_dir() / "PG_VERSION")) return status;
  ProcessResult result = run_server_program(
      {(options_.bin_dir / "pg_ctl").string(), "status", "-D", data_dir().string()}, dir_);
  status.state = result.exit_code == 0 ? ClusterState::kRunning : ClusterState::kStopped;
  return status;
}

std::string LocalCluster::url(const std::string& database) const {
  std::optional<int> port = read_port();
  if (!port) {
    throw UserError(fmt::format(
        "the local database in {} has never been started (run `flick db start`)", dir_.string()));
  }
  return fmt::format("postgresql://postgres@127.0.0.1:{}/{}", *port, database);
}

void LocalCluster::initialise() {
  give_to_server_user(dir_);
  if (running_as_root()) {
    ProcessResult access =
        run_server_program({"/usr/bin/test", "-w", dir_.string(), "-a", "-x", dir_.string()}, "/");
    if (access.exit_code != 0) {
      throw EnvironmentError(fmt::format(
          "the postgres system user cannot write to {} (the server refuses to run as root, so "
          "it runs as postgres, which must be able to reach this directory); choose a directory "
          "outside private home folders",
          dir_.string()));
    }
  }
  std::vector<std::string> argv = {(options_.bin_dir / "initdb").string(),
                                   "-D",
                                   data_dir().string(),
                                   "-U",
                                   "postgres",
                                   "--auth=trust",
                                   "-E",
                                   "UTF8",
                                   "--no-locale"};
  if (!options_.durable) argv.push_back("--no-sync");
  ProcessResult result = run_server_program(argv, dir_);
  if (result.exit_code != 0) {
    throw EnvironmentError(fmt::format("initdb failed in {} (exit {}):\n{}", data_dir().string(),
                                       result.exit_code, result.output));
  }
  std::ofstream conf(data_dir() / "postgresql.conf", std::ios::app);
  conf << "\n# Written by flick: port, sockets and durability for the local database.\n"
          "include_if_exists = 'flick.conf'\n";
  if (!conf.flush()) throw EnvironmentError("cannot append to postgresql.conf");
}

void LocalCluster::start_locked() {
  if (!fs::exists(data_dir() / "PG_VERSION")) {
    initialise();
  } else if (status().state == ClusterState::kRunning) {
    return;
  }
  std::optional<int> persisted = read_port();
  int port = persisted && port_is_free(*persisted) ? *persisted : pick_free_port();
  for (int attempt = 1;; ++attempt) {
    write_server_config(port);
    write_state(port);
    ProcessResult result = run_server_program(
        {(options_.bin_dir / "pg_ctl").string(), "start", "-D", data_dir().string(), "-l",
         log_file().string(), "-w", "-t", std::to_string(options_.wait_seconds), "-s"},
        dir_);
    if (result.exit_code == 0) return;
    std::string tail = log_tail(log_file());
    bool port_taken = tail.find("Address already in use") != std::string::npos;
    if (port_taken && attempt < kPortAttempts) {
      port = pick_free_port();
      continue;
    }
    throw EnvironmentError(
        fmt::format("the local PostgreSQL server in {} did not start (pg_ctl exit {}): {}\n"
                    "last lines of {}:\n{}",
                    dir_.string(), result.exit_code, result.output, log_file().string(), tail));
  }
}

void LocalCluster::stop_locked() {
  if (!fs::exists(data_dir() / "PG_VERSION")) return;
  if (status().state != ClusterState::kRunning) return;
  ProcessResult result =
      run_server_program({(options_.bin_dir / "pg_ctl").string(), "stop", "-D", data_dir().string(),
                          "-m", "fast", "-w", "-t", std::to_string(options_.wait_seconds), "-s"},
                         dir_);
  if (result.exit_code != 0) {
    throw EnvironmentError(fmt::format(
        "the local PostgreSQL server in {} did not stop (pg_ctl exit {}): {}\n"
        "last lines of {}:\n{}",
        dir_.string(), result.exit_code, result.output, log_file().string(), log_tail(log_file())));
  }
}

std::optional<int> LocalCluster::read_port() const {
  std::ifstream in(dir_ / "cluster.state");
  if (!in) return std::nullopt;
  std::optional<int> port;
  int version = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("version=")) version = std::atoi(line.c_str() + 8);
    if (line.starts_with("port=")) port = std::atoi(line.c_str() + 5);
  }
  if (version != kStateVersion) {
    throw UserError(fmt::format("{} has version {}, this flick understands version {}",
                                (dir_ / "cluster.state").string(), version, kStateVersion));
  }
  return port;
}

void LocalCluster::write_state(int port) const {
  write_file(dir_ / "cluster.state", fmt::format("version={}\nport={}\n", kStateVersion, port));
}

void LocalCluster::write_server_config(int port) const {
  std::ostringstream conf;
  conf << "port = " << port << "\n"
       << "listen_addresses = '127.0.0.1'\n"
       << "unix_socket_directories = " << conf_string(dir_.string()) << "\n";
  if (!options_.durable) {
    conf << "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n";
  }
  fs::path path = data_dir() / "flick.conf";
  write_file(path, conf.str());
  give_to_server_user(path);
}

}  // namespace flick::localdb
