#include "cli_run.hpp"

#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace flick::cli_test {
namespace fs = std::filesystem;

namespace {

std::string shell_quote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

}  // namespace

std::string flick_binary() {
  if (const char* override_bin = std::getenv("FLICK_BIN")) return override_bin;
  return FLICK_BIN;
}

TempDir::TempDir() {
  std::random_device random;
  path_ = fs::temp_directory_path() / ("flick-cli-test-" + std::to_string(random()));
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

RunResult run_flick(const fs::path& cwd, const std::vector<std::string>& args,
                    const std::vector<std::string>& env) {
  return run_program(cwd, flick_binary(), args, env);
}

RunResult run_program(const fs::path& cwd, const std::string& program,
                      const std::vector<std::string>& args, const std::vector<std::string>& env) {
  TempDir capture;
  fs::path out = capture.path() / "stdout";
  fs::path err = capture.path() / "stderr";
  // Appended word by word: `" " + std::string` trips a false -Wrestrict in g++ 12.
  std::string command = "cd ";
  auto append_word = [&command](const std::string& word) {
    command += ' ';
    command += shell_quote(word);
  };
  command += shell_quote(cwd.string());
  command += " && env";
  for (const std::string& entry : env) append_word(entry);
  append_word(program);
  for (const std::string& arg : args) append_word(arg);
  command += " </dev/null >";
  command += shell_quote(out.string());
  command += " 2>";
  command += shell_quote(err.string());
  int status = std::system(command.c_str());
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = read_text(out);
  result.err = read_text(err);
  return result;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_text(const fs::path& path, const std::string& text) {
  if (path.has_parent_path()) fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

std::map<std::string, std::string> folder_bytes(const fs::path& dir) {
  std::map<std::string, std::string> files;
  if (!fs::exists(dir)) return files;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) {
      files[fs::relative(entry.path(), dir).string()] = read_text(entry.path());
    }
  }
  return files;
}

std::string changed_files(const std::map<std::string, std::string>& before,
                          const std::map<std::string, std::string>& after) {
  std::string changed;
  for (const auto& [name, bytes] : after) {
    auto old = before.find(name);
    if (old == before.end()) {
      changed += "added " + name + "\n";
    } else if (old->second != bytes) {
      changed += "changed " + name + "\n";
    }
  }
  for (const auto& [name, bytes] : before) {
    if (!after.count(name)) changed += "removed " + name + "\n";
  }
  return changed;
}

std::vector<fs::path> sql_files(const fs::path& dir) {
  std::vector<fs::path> files;
  if (!fs::exists(dir)) return files;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".sql")
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

fs::path shared_fixtures() {
  fs::path dir = fs::path(FLICK_SHARED_DIR) / "fixtures";
  return fs::exists(dir / "flick-drizzle") ? dir : fs::path();
}

}  // namespace flick::cli_test
