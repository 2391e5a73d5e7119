// Runs the real flick binary: `flick lint` over a small migration folder, over files, with
// flick.toml severities, and over the shared Flick fixture folder.

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

struct FlickRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_text(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

class LintCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("flick-lint-cli-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs `flick <args>` in the test's directory.
  FlickRun flick(const std::string& args) {
    std::string command =
        "cd '" + dir_.string() + "' && '" FLICK_BIN "' " + args + " >out.txt 2>err.txt </dev/null";
    int status = std::system(command.c_str());
    FlickRun run;
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.out = read_text(dir_ / "out.txt");
    run.err = read_text(dir_ / "err.txt");
    return run;
  }

  void write_folder() {
    write_text(dir_ / "drizzle/meta/_journal.json", R"({
	"version": "7",
	"dialect": "postgresql",
	"entries": [
		{ "idx": 0, "version": "7", "when": 1700000000000, "tag": "0000_init", "breakpoints": true },
		{ "idx": 1, "version": "7", "when": 1700000000001, "tag": "0001_email", "breakpoints": true }
	]
})");
    write_text(dir_ / "drizzle/0000_init.sql",
               "CREATE TABLE \"users\" (\n\t\"id\" bigint PRIMARY KEY,\n\t\"email\" text\n);\n"
               "--> statement-breakpoint\nCREATE INDEX \"users_email_idx\" ON \"users\" "
               "(\"email\");");
    write_text(dir_ / "drizzle/0001_email.sql",
               "SET lock_timeout = '2s';\n--> statement-breakpoint\n"
               "ALTER TABLE \"users\" ALTER COLUMN \"email\" SET NOT NULL;");
  }

  fs::path dir_;
};

TEST_F(LintCliTest, FolderFindingsInJournalOrderExitOne) {
  write_folder();
  FlickRun run = flick("lint --json");
  EXPECT_EQ(run.exit_code, 1) << run.err;
  nlohmann::json out = nlohmann::json::parse(run.out);
  EXPECT_EQ(out["files"], 2);
  EXPECT_EQ(out["errors"], 1);
  ASSERT_EQ(out["findings"].size(), 1u) << run.out;
  const nlohmann::json& finding = out["findings"][0];
  EXPECT_EQ(finding["rule"], "setting-not-null");
  EXPECT_EQ(finding["severity"], "error");
  EXPECT_EQ(finding["file"], "0001_email.sql");
  EXPECT_EQ(finding["line"], 3);
  EXPECT_NE(finding["fix"].get<std::string>().find("VALIDATE CONSTRAINT"), std::string::npos);
  EXPECT_FALSE(finding.contains("safer")) << "one JSON shape for every diagnostic";
}

TEST_F(LintCliTest, TextOutputNamesRuleFileLineWhyAndSaferForm) {
  write_folder();
  FlickRun run = flick("lint --out drizzle");
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_NE(run.out.find("error [setting-not-null] 0001_email.sql:3: ALTER TABLE \"users\" ALTER "
                         "COLUMN \"email\" SET NOT NULL\n  why: "),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("\n  fix: "), std::string::npos);
  EXPECT_NE(run.out.find("drizzle: 2 files, 1 error, 0 warnings\n"), std::string::npos) << run.out;
}

TEST_F(LintCliTest, FlickTomlSeveritiesApply) {
  write_folder();
  write_text(dir_ / "flick.toml",
             "out = \"drizzle\"\n[lint]\nrules = { setting-not-null = \"warning\" }\n");
  FlickRun run = flick("lint");
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_NE(run.out.find("warning [setting-not-null]"), std::string::npos) << run.out;

  write_text(dir_ / "flick.toml", "[lint]\nrules = { no-such-rule = \"off\" }\n");
  run = flick("lint");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("no-such-rule"), std::string::npos) << run.err;
}

TEST_F(LintCliTest, NamedFilesAreLintedInsteadOfTheFolder) {
  write_text(dir_ / "a.sql", "CREATE TABLE t (id bigint PRIMARY KEY, at timestamp);\n");
  write_text(dir_ / "b.sql", "SET lock_timeout = '1s';\nDROP TABLE old;\n");
  FlickRun run = flick("lint a.sql b.sql");
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_NE(run.out.find("warning [timestamp-without-time-zone] a.sql:1:"), std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("error [dropping-table] b.sql:2: DROP TABLE \"old\""), std::string::npos);
  EXPECT_NE(run.out.find("2 files, 1 error, 1 warning\n"), std::string::npos) << run.out;

  write_text(dir_ / "ok.sql", "CREATE TABLE t (id bigint PRIMARY KEY, at timestamptz);\n");
  EXPECT_EQ(flick("lint ok.sql").exit_code, 0);
  FlickRun bad = flick("lint missing.sql");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("missing.sql"), std::string::npos) << bad.err;
}

TEST_F(LintCliTest, SharedFixtureFolderLintsWithoutInputErrors) {
  fs::path fixture = fs::path(FLICK_SHARED_DIR) / "fixtures" / "flick-drizzle";
  if (!fs::is_directory(fixture)) GTEST_SKIP() << fixture << " is absent";
  FlickRun run = flick("lint --json --out '" + fixture.string() + "'");
  ASSERT_TRUE(run.exit_code == 0 || run.exit_code == 1) << run.err;
  nlohmann::json out = nlohmann::json::parse(run.out);
  EXPECT_EQ(out["files"], 6);
  EXPECT_EQ(run.exit_code, out["errors"].get<int>() > 0 ? 1 : 0);
}

}  // namespace
