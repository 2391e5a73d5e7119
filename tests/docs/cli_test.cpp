// `flick docs` as a process: the pages of data/project compared byte for byte with
// data/expected (FLICK_UPDATE_GOLDEN=1 rewrites them), a second run changes nothing, stale pages
// go, and bad input is a clear error.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>

#include "flick_process.hpp"

namespace flick::testing {
namespace {

namespace fs = std::filesystem;

const fs::path kData = FLICK_DOCS_DATA;

std::map<std::string, std::string> folder_bytes(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) {
      files[entry.path().lexically_relative(dir).generic_string()] = read_text(entry.path());
    }
  }
  return files;
}

class DocsCliTest : public ::testing::Test {
 protected:
  void SetUp() override { temp_ = make_temp_dir("flick-docs"); }
  void TearDown() override { fs::remove_all(temp_); }

  FlickRun docs(const fs::path& out, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"docs", "--config", (kData / "project/flick.toml").string(),
                                     "--out", out.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_flick(args);
  }

  fs::path temp_;
};

TEST_F(DocsCliTest, PagesMatchTheGoldenFiles) {
  fs::path out = temp_ / "docs";
  FlickRun run = docs(out);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  fs::path expected = kData / "expected";
  if (std::getenv("FLICK_UPDATE_GOLDEN")) {
    fs::remove_all(expected);
    fs::copy(out, expected, fs::copy_options::recursive);
    GTEST_SKIP() << "rewrote " << expected;
  }
  std::map<std::string, std::string> actual = folder_bytes(out);
  std::map<std::string, std::string> golden = folder_bytes(expected);
  std::vector<std::string> actual_names, golden_names;
  for (const auto& [name, bytes] : actual) actual_names.push_back(name);
  for (const auto& [name, bytes] : golden) golden_names.push_back(name);
  ASSERT_EQ(actual_names, golden_names);
  for (const auto& [name, bytes] : golden) {
    EXPECT_EQ(actual[name], bytes) << name << " differs from the golden file";
  }
}

TEST_F(DocsCliTest, SecondRunChangesNothing) {
  fs::path out = temp_ / "docs";
  FlickRun first = docs(out);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  std::map<std::string, std::string> before = folder_bytes(out);
  fs::file_time_type index_time = fs::last_write_time(out / "index.md");
  FlickRun second = docs(out);
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(
      second.out.find(" 0 written, " + std::to_string(before.size()) + " unchanged, 0 removed"),
      std::string::npos)
      << second.out;
  EXPECT_EQ(folder_bytes(out), before);
  EXPECT_EQ(fs::last_write_time(out / "index.md"), index_time);
}

TEST_F(DocsCliTest, StaleTablePagesGoOtherFilesStay) {
  fs::path out = temp_ / "docs";
  write_text(out / "tables/public.dropped_long_ago.md", "# old\n");
  write_text(out / "README.md", "kept\n");
  FlickRun run = docs(out);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_FALSE(fs::exists(out / "tables/public.dropped_long_ago.md"));
  EXPECT_EQ(read_text(out / "README.md"), "kept\n");
  EXPECT_NE(run.out.find("1 removed"), std::string::npos) << run.out;
}

TEST_F(DocsCliTest, WithoutSchemaFilesTheLatestSnapshotIsDocumented) {
  fs::path project = temp_ / "project";
  fs::create_directories(project);
  fs::copy(kData / "project/drizzle", project / "drizzle", fs::copy_options::recursive);
  write_text(project / "flick.toml", "out = \"drizzle\"\n");
  FlickRun run = run_flick({"docs", "--config", (project / "flick.toml").string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::string index = read_text(project / "docs/index.md");
  EXPECT_NE(index.find("from `the latest snapshot drizzle/meta/0001_snapshot.json`"),
            std::string::npos)
      << index;
  EXPECT_TRUE(fs::exists(project / "docs/tables/public.post_tags.md"));
}

// A hand-written migration's snapshot repeats the previous one; its page says what the SQL did.
TEST_F(DocsCliTest, HandWrittenMigrationIsDescribedFromItsSql) {
  fs::path project = temp_ / "project";
  fs::copy(kData / "project", project, fs::copy_options::recursive);
  fs::path drizzle = project / "drizzle";
  std::string journal = read_text(drizzle / "meta/_journal.json");
  std::size_t last = journal.rfind('}', journal.rfind(']'));
  journal.insert(
      last + 1,
      ",\n    {\n      \"idx\": 2,\n      \"version\": \"7\",\n      \"when\": "
      "1800000000000,\n      \"tag\": \"0002_custom\",\n      \"breakpoints\": true\n    }");
  write_text(drizzle / "meta/_journal.json", journal);
  fs::copy_file(drizzle / "meta/0001_snapshot.json", drizzle / "meta/0002_snapshot.json");
  write_text(drizzle / "0002_custom.sql",
             "ALTER TABLE post_tags RENAME TO post_labels;\n--> statement-breakpoint\n"
             "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; "
             "END$$;\n--> statement-breakpoint\n"
             "UPDATE users SET name = 'x' WHERE false;\n--> statement-breakpoint\n"
             "DO $$ BEGIN EXECUTE 'CREATE TABLE ' || 'dynamic (id int)'; END $$;\n");
  FlickRun run = run_flick(
      {"docs", "--config", (project / "flick.toml").string(), "--out", (temp_ / "docs").string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::string page = read_text(temp_ / "docs/migrations.md");
  ASSERT_NE(page.find("## 0002_custom"), std::string::npos) << page;
  std::string section = page.substr(page.find("## 0002_custom"));
  EXPECT_NE(section.find("Renamed table `post_tags` to `post_labels`"), std::string::npos)
      << section;
  EXPECT_NE(section.find("- Created function `touch()`."), std::string::npos) << section;
  EXPECT_NE(section.find("- 1 data statement that change rows"), std::string::npos) << section;
  EXPECT_NE(section.find("Not followed"), std::string::npos) << section;
  EXPECT_NE(section.find("0002_custom.sql:7"), std::string::npos) << section;
  EXPECT_EQ(section.find("No schema change"), std::string::npos) << section;
  EXPECT_EQ(section.find("Dropped table"), std::string::npos) << section;
}

TEST_F(DocsCliTest, NothingToDocumentIsAUserError) {
  write_text(temp_ / "flick.toml", "out = \"drizzle\"\n");
  FlickRun run = run_flick({"docs", "--config", (temp_ / "flick.toml").string()});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("nothing to document"), std::string::npos) << run.err;
}

TEST_F(DocsCliTest, ServeWithoutMermaidIsAUserError) {
  setenv("FLICK_MERMAID_JS", (temp_ / "nope.js").c_str(), 1);
  FlickRun run = docs(temp_ / "docs", {"--serve", "--port", "0"});
  unsetenv("FLICK_MERMAID_JS");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("nope.js: no such file"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace flick::testing
