#pragma once

// Internal to flick_localdb: running the server's programs.

#include <filesystem>
#include <string>
#include <vector>

namespace flick::localdb {

struct ProcessResult {
  int exit_code = 0;   // 128 + signal number when killed by a signal
  std::string output;  // stdout and stderr, interleaved
};

// Runs argv[0] (a path) with the arguments, in `working_dir`, without a shell, and waits for it.
// When the current process is root, the program runs as the `postgres` system user via runuser,
// because initdb, pg_ctl and postgres refuse to run as root. Throws std::runtime_error when the
// program cannot be started at all.
ProcessResult run_server_program(const std::vector<std::string>& argv,
                                 const std::filesystem::path& working_dir);

// True when the current process runs as root (the server programs then run as `postgres`).
bool running_as_root();

// Gives `path` to the `postgres` system user when running as root; no-op otherwise.
void give_to_server_user(const std::filesystem::path& path);

}  // namespace flick::localdb
