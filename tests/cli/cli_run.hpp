#pragma once

// Runs the real flick binary in a temporary directory and captures what it printed.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace flick::cli_test {

// A database URL nothing answers (port 1): for commands that must fail, or stop, before or at
// their connection.
inline constexpr const char* kNobodyListens = "postgresql://nobody@127.0.0.1:1/none";

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// A fresh directory under the system temp dir, removed when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Runs `flick <args>` in `cwd` with stdin from /dev/null (never a TTY) and `env` added to the
// environment ("NAME=value" entries).
RunResult run_flick(const std::filesystem::path& cwd, const std::vector<std::string>& args,
                    const std::vector<std::string>& env = {});
// run_flick of another program: `program` instead of the flick under test.
RunResult run_program(const std::filesystem::path& cwd, const std::string& program,
                      const std::vector<std::string>& args,
                      const std::vector<std::string>& env = {});
// The flick under test: FLICK_BIN from the environment, else the one this build made.
std::string flick_binary();

std::string read_text(const std::filesystem::path& path);
void write_text(const std::filesystem::path& path, const std::string& text);

// Every regular file under `dir` (relative path -> bytes); compares folders byte for byte.
std::map<std::string, std::string> folder_bytes(const std::filesystem::path& dir);

// The files added, removed or changed between two folder_bytes() results, for a short message.
std::string changed_files(const std::map<std::string, std::string>& before,
                          const std::map<std::string, std::string>& after);

// SQL files of a migration folder, sorted by name.
std::vector<std::filesystem::path> sql_files(const std::filesystem::path& dir);

// The shared fixtures directory, or an empty path when it is absent.
std::filesystem::path shared_fixtures();

}  // namespace flick::cli_test
