#pragma once

// Runs the flick binary under test (FLICK_BIN, or the FLICK_BIN environment variable) as a child
// process with stdout and stderr captured apart, either to completion or in the background.

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace flick::testing {

struct FlickRun {
  int exit_code = 0;  // 128 + signal when killed
  std::string out;
  std::string err;
  std::string command;  // the command line, for failure messages
};

// The flick binary's path.
std::string flick_binary();

// Runs `flick args...` and waits for it.
FlickRun run_flick(const std::vector<std::string>& args);

// A `flick args...` started in the background, its output going to files in a temp dir.
class BackgroundFlick {
 public:
  explicit BackgroundFlick(const std::vector<std::string>& args);
  ~BackgroundFlick();
  BackgroundFlick(const BackgroundFlick&) = delete;
  BackgroundFlick& operator=(const BackgroundFlick&) = delete;

  pid_t pid() const { return pid_; }
  // Sends `signal` to the process.
  void kill(int signal);
  // Waits for the process to end and returns what it printed.
  FlickRun wait();

 private:
  pid_t pid_ = -1;
  bool waited_ = false;
  std::filesystem::path out_path_;
  std::filesystem::path err_path_;
  std::string command_;
};

// Reads a whole file.
std::string read_text(const std::filesystem::path& path);
// Writes (replaces) a whole file, creating its directory.
void write_text(const std::filesystem::path& path, const std::string& text);
// A new empty directory under the system temp dir.
std::filesystem::path make_temp_dir(const std::string& prefix);

}  // namespace flick::testing
