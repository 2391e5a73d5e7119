#include "localdb/process.hpp"

#include <fcntl.h>
#include <fmt/core.h>
#include <pwd.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "flick/error.hpp"

namespace flick::localdb {

namespace {

constexpr const char* kServerUser = "postgres";
constexpr const char* kRunuser = "/usr/sbin/runuser";

const passwd& server_user() {
  const passwd* entry = getpwnam(kServerUser);
  if (entry == nullptr) {
    throw EnvironmentError(
        "running as root, but there is no `postgres` system user to run the PostgreSQL server as "
        "(initdb and postgres refuse to run as root)");
  }
  return *entry;
}

}  // namespace

bool running_as_root() { return geteuid() == 0; }

void give_to_server_user(const std::filesystem::path& path) {
  if (!running_as_root()) return;
  const passwd& user = server_user();
  if (chown(path.c_str(), user.pw_uid, user.pw_gid) != 0) {
    throw EnvironmentError(fmt::format("cannot give {} to the postgres user: {}", path.string(),
                                       std::strerror(errno)));
  }
}

ProcessResult run_server_program(const std::vector<std::string>& argv,
                                 const std::filesystem::path& working_dir) {
  std::vector<std::string> command;
  if (running_as_root()) {
    server_user();
    command = {kRunuser, "-u", kServerUser, "--"};
  }
  command.insert(command.end(), argv.begin(), argv.end());
  std::vector<char*> args;
  for (std::string& arg : command) args.push_back(arg.data());
  args.push_back(nullptr);

  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) {
    throw EnvironmentError(fmt::format("pipe: {}", std::strerror(errno)));
  }
  pid_t pid = fork();
  if (pid < 0) {
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    throw EnvironmentError(fmt::format("fork: {}", std::strerror(errno)));
  }
  if (pid == 0) {
    dup2(pipe_fds[1], STDOUT_FILENO);
    dup2(pipe_fds[1], STDERR_FILENO);
    int null_fd = open("/dev/null", O_RDONLY);
    if (null_fd >= 0) dup2(null_fd, STDIN_FILENO);
    if (chdir(working_dir.c_str()) != 0) _exit(126);
    execv(args[0], args.data());
    const char* message = "exec failed\n";
    ssize_t ignored = write(STDERR_FILENO, message, std::strlen(message));
    (void)ignored;
    _exit(127);
  }
  close(pipe_fds[1]);
  ProcessResult result;
  char buffer[4096];
  for (;;) {
    ssize_t n = read(pipe_fds[0], buffer, sizeof buffer);
    if (n > 0) {
      result.output.append(buffer, static_cast<std::size_t>(n));
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      break;
    }
  }
  close(pipe_fds[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw EnvironmentError(fmt::format("waitpid: {}", std::strerror(errno)));
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  if (result.exit_code == 126) {
    throw EnvironmentError(
        fmt::format("cannot run {}: cannot enter directory {}", argv[0], working_dir.string()));
  }
  if (result.exit_code == 127) {
    throw EnvironmentError(fmt::format("cannot run {}: {}", argv[0], result.output));
  }
  return result;
}

}  // namespace flick::localdb
