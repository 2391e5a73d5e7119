#include "flick_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace flick::testing {
namespace fs = std::filesystem;

namespace {

std::string command_line(const std::vector<std::string>& args) {
  std::string text = "flick";
  for (const std::string& arg : args) text += " " + arg;
  return text;
}

pid_t spawn(const std::vector<std::string>& args, const fs::path& out, const fs::path& err) {
  std::vector<std::string> argv = {flick_binary()};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> pointers;
  for (std::string& arg : argv) pointers.push_back(arg.data());
  pointers.push_back(nullptr);
  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    int out_fd = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err_fd = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int null_fd = open("/dev/null", O_RDONLY);
    if (out_fd < 0 || err_fd < 0 || null_fd < 0) _exit(126);
    dup2(null_fd, STDIN_FILENO);
    dup2(out_fd, STDOUT_FILENO);
    dup2(err_fd, STDERR_FILENO);
    execv(pointers[0], pointers.data());
    _exit(127);
  }
  return pid;
}

int wait_exit_code(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw std::runtime_error("waitpid failed");
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

std::string flick_binary() {
  const char* from_env = std::getenv("FLICK_BIN");
  return from_env && *from_env ? from_env : FLICK_BIN;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_text(const fs::path& path, const std::string& text) {
  if (path.has_parent_path()) fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw std::runtime_error("cannot write " + path.string());
  out << text;
}

fs::path make_temp_dir(const std::string& prefix) {
  std::string pattern = (fs::temp_directory_path() / (prefix + "-XXXXXX")).string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  return pattern;
}

BackgroundFlick::BackgroundFlick(const std::vector<std::string>& args)
    : command_(command_line(args)) {
  fs::path dir = make_temp_dir("flick-run");
  out_path_ = dir / "stdout";
  err_path_ = dir / "stderr";
  pid_ = spawn(args, out_path_, err_path_);
}

BackgroundFlick::~BackgroundFlick() {
  if (!waited_) {
    ::kill(pid_, SIGKILL);
    wait_exit_code(pid_);
  }
  std::error_code ignored;
  fs::remove_all(out_path_.parent_path(), ignored);
}

void BackgroundFlick::kill(int signal) { ::kill(pid_, signal); }

FlickRun BackgroundFlick::wait() {
  FlickRun run;
  run.exit_code = wait_exit_code(pid_);
  waited_ = true;
  run.out = read_text(out_path_);
  run.err = read_text(err_path_);
  run.command = command_;
  return run;
}

FlickRun run_flick(const std::vector<std::string>& args) {
  BackgroundFlick process(args);
  return process.wait();
}

}  // namespace flick::testing
