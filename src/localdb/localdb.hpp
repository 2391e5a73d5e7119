#pragma once

// A private PostgreSQL cluster in a directory, run with the installed server binaries. Used by
// `flick db start|stop|status|url|reset` (dir `<config dir>/.flick/pg`) and by the tests.
//
// Layout of the directory (format version 1):
//   data/           the data directory (initdb); owned by the `postgres` user when run as root
//   cluster.state   "version=1" and "port=<n>": the port the cluster listens on
//   server.log      the server's log
//   .s.PGSQL.<n>    the unix socket (the server listens on it and on 127.0.0.1:<n>)
//   cluster.lock    held while start/stop/reset run, so two processes do not race
// The cluster keeps running after the LocalCluster object is gone; a second process with the same
// directory finds it (status(), url()).

#include <filesystem>
#include <optional>
#include <string>

namespace flick::localdb {

struct ClusterOptions {
  std::filesystem::path bin_dir = "/usr/lib/postgresql/15/bin";
  // false: fsync, synchronous_commit and full_page_writes off and initdb --no-sync. For tests
  // only: a crash can corrupt the cluster.
  bool durable = true;
  // Seconds pg_ctl waits for the server to accept connections (or to stop).
  int wait_seconds = 60;
};

enum class ClusterState { kNotInitialised, kStopped, kRunning };

struct ClusterStatus {
  ClusterState state = ClusterState::kNotInitialised;
  std::optional<int> port;  // the persisted port, when known
};

const char* to_string(ClusterState state);

class LocalCluster {
 public:
  // Throws flick::UserError when initdb, pg_ctl or postgres is missing from options.bin_dir.
  explicit LocalCluster(std::filesystem::path dir, ClusterOptions options = {});

  // Initialises the cluster if needed (superuser "postgres", trust auth for local and
  // 127.0.0.1/::1 connections, UTF8, no locale), picks a free port on 127.0.0.1 (keeping the
  // persisted one when it is still free) and starts the server, waiting until it accepts
  // connections. Does nothing when already running. Throws std::runtime_error with the tail of
  // server.log when the server does not start; flick::UserError when the directory cannot be used.
  void start();

  // Stops the server (fast shutdown: open sessions are disconnected). Does nothing when it is not
  // running.
  void stop();

  ClusterStatus status() const;

  // "postgresql://postgres@127.0.0.1:<port>/<database>". Throws flick::UserError when the
  // cluster has never been started (no port yet).
  std::string url(const std::string& database = "postgres") const;

  // Stops the server, deletes the whole directory, initialises a new cluster and starts it.
  void reset();

  const std::filesystem::path& dir() const { return dir_; }
  std::filesystem::path data_dir() const { return dir_ / "data"; }
  std::filesystem::path log_file() const { return dir_ / "server.log"; }

 private:
  void initialise();
  void start_locked();
  void stop_locked();
  std::optional<int> read_port() const;
  void write_state(int port) const;
  void write_server_config(int port) const;

  std::filesystem::path dir_;
  ClusterOptions options_;
};

}  // namespace flick::localdb
