// flick generate on a real terminal (a pseudo-terminal): an ambiguous rename is asked about, and
// the answer typed at the prompt decides between RENAME and DROP + ADD.

#include <gtest/gtest.h>
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>

#include "cli_run.hpp"

namespace flick::cli_test {
namespace {
namespace fs = std::filesystem;

constexpr const char* kUsers =
    "CREATE TABLE \"users\" (\"id\" serial PRIMARY KEY NOT NULL, \"name\" text NOT NULL);\n";
constexpr const char* kUsersRenamed =
    "CREATE TABLE \"users\" (\"id\" serial PRIMARY KEY NOT NULL, \"full_name\" text NOT NULL);\n";

std::string flick_path() {
  if (const char* override_bin = std::getenv("FLICK_BIN")) return override_bin;
  return FLICK_BIN;
}

// A child process on the slave side of a pty; reads until a text shows up, types answers.
class TerminalSession {
 public:
  TerminalSession(const fs::path& cwd, const std::vector<std::string>& args) {
    pid_ = forkpty(&master_, nullptr, nullptr, nullptr);
    if (pid_ == 0) {
      if (chdir(cwd.c_str()) != 0) _exit(127);
      std::vector<char*> argv;
      std::string binary = flick_path();
      argv.push_back(binary.data());
      std::vector<std::string> copies = args;
      for (auto& arg : copies) argv.push_back(arg.data());
      argv.push_back(nullptr);
      execv(binary.c_str(), argv.data());
      _exit(127);
    }
  }
  ~TerminalSession() {
    if (pid_ > 0 && exit_code_ < 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (master_ >= 0) close(master_);
  }

  bool started() const { return pid_ > 0; }

  // Reads output until `text` appears or 20 s pass; returns whether it appeared.
  bool read_until(const std::string& text) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (output_.find(text) == std::string::npos) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      pollfd fd{master_, POLLIN, 0};
      if (poll(&fd, 1, 200) <= 0) continue;
      char buffer[4096];
      ssize_t n = read(master_, buffer, sizeof buffer);
      if (n <= 0) return output_.find(text) != std::string::npos;
      output_.append(buffer, static_cast<std::size_t>(n));
    }
    return true;
  }

  void type(const std::string& text) {
    ASSERT_EQ(write(master_, text.data(), text.size()), static_cast<ssize_t>(text.size()));
  }

  int wait_exit() {
    read_until("\x04never");  // drain until the child closes the terminal
    int status = 0;
    waitpid(pid_, &status, 0);
    exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
    return exit_code_;
  }

  const std::string& output() const { return output_; }

 private:
  pid_t pid_ = -1;
  int master_ = -1;
  int exit_code_ = -1;
  std::string output_;
};

class RenamePrompt : public ::testing::Test {
 protected:
  void SetUp() override {
    write_text(dir_.path() / "schema.sql", kUsers);
    RunResult first = run_flick(
        dir_.path(), {"generate", "--schema", "schema.sql", "--out", "drizzle", "--name", "init"});
    ASSERT_EQ(first.exit_code, 0) << first.err;
    write_text(dir_.path() / "schema.sql", kUsersRenamed);
  }

  // Runs generate on a terminal, answers the rename question with `answer`, returns the SQL.
  std::string generate_answering(const std::string& answer) {
    TerminalSession session(dir_.path(), {"generate", "--schema", "schema.sql", "--out", "drizzle",
                                          "--name", "second"});
    EXPECT_TRUE(session.started());
    EXPECT_TRUE(session.read_until("choice [0-1]: ")) << session.output();
    EXPECT_NE(session.output().find("renamed from \"users.name\""), std::string::npos)
        << session.output();
    session.type(answer + "\n");
    EXPECT_EQ(session.wait_exit(), 0) << session.output();
    return read_text(dir_.path() / "drizzle" / "0001_second.sql");
  }

  TempDir dir_;
};

TEST_F(RenamePrompt, AnsweringRenamedWritesRenameColumn) {
  EXPECT_EQ(generate_answering("1"),
            "ALTER TABLE \"users\" RENAME COLUMN \"name\" TO \"full_name\";");
}

TEST_F(RenamePrompt, AnsweringCreatedWritesDropAndAdd) {
  const std::string sql = generate_answering("0");
  EXPECT_NE(sql.find("ADD COLUMN \"full_name\" text NOT NULL"), std::string::npos) << sql;
  EXPECT_NE(sql.find("DROP COLUMN \"name\""), std::string::npos) << sql;
  EXPECT_EQ(sql.find("RENAME"), std::string::npos) << sql;
}

TEST_F(RenamePrompt, AnInvalidAnswerIsAskedAgain) {
  TerminalSession session(
      dir_.path(), {"generate", "--schema", "schema.sql", "--out", "drizzle", "--name", "second"});
  ASSERT_TRUE(session.read_until("choice [0-1]: "));
  session.type("7\n");
  ASSERT_TRUE(session.read_until("7\r\nchoice [0-1]: ")) << session.output();
  session.type("1\n");
  EXPECT_EQ(session.wait_exit(), 0) << session.output();
  EXPECT_NE(read_text(dir_.path() / "drizzle" / "0001_second.sql").find("RENAME COLUMN"),
            std::string::npos);
}

}  // namespace
}  // namespace flick::cli_test
