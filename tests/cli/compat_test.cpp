// flick generate continuing folders written by drizzle-kit: the repository's drizzle-kit 0.31
// folder (7 migrations) and, when /work/shared is present, Flick's real folder.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_run.hpp"

namespace flick::cli_test {
namespace {
namespace fs = std::filesystem;

nlohmann::json read_json(const fs::path& path) { return nlohmann::json::parse(read_text(path)); }

// A copy of tests/data/drizzle-kit-folder and the step6 DDL drizzle-kit exported for it.
class CliDrizzleKitFolder : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::path data = FLICK_TEST_DATA;
    fs::copy(data / "drizzle-kit-folder", out(), fs::copy_options::recursive);
    schema_ = read_text(data / "drizzle-kit-folder-export.sql");
  }
  fs::path out() const { return dir_.path() / "drizzle"; }
  RunResult generate() {
    write_text(dir_.path() / "schema.sql", schema_);
    return run_flick(dir_.path(),
                     {"generate", "--schema", "schema.sql", "--out", "drizzle", "--name", "next"});
  }

  TempDir dir_;
  std::string schema_;
};

TEST_F(CliDrizzleKitFolder, UnchangedSchemaHasNoChanges) {
  std::map<std::string, std::string> before = folder_bytes(out());
  RunResult result = generate();
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("No schema changes"), std::string::npos) << result.out;
  for (const fs::path& file : sql_files(out())) {
    if (file.filename() == "0007_next.sql") ADD_FAILURE() << read_text(file);
  }
  EXPECT_EQ(changed_files(before, folder_bytes(out())), "");
}

TEST_F(CliDrizzleKitFolder, OneAddedColumnIsTheOnlyStatementAndChainsToDrizzlesSnapshot) {
  const std::string anchor = "\t\"title\" text NOT NULL,\n\tCONSTRAINT \"orgs_id_team_id_pk\"";
  std::size_t at = schema_.find(anchor);
  ASSERT_NE(at, std::string::npos) << "the export changed; update the anchor";
  schema_.insert(at + std::string("\t\"title\" text NOT NULL,\n").size(),
                 "\t\"motto\" varchar(80) DEFAULT 'none',\n");
  RunResult result = generate();
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(read_text(out() / "0007_next.sql"),
            "ALTER TABLE \"orgs\" ADD COLUMN \"motto\" varchar(80) DEFAULT 'none';");
  nlohmann::json drizzles_last = read_json(out() / "meta/0006_snapshot.json");
  nlohmann::json written = read_json(out() / "meta/0007_snapshot.json");
  EXPECT_EQ(written["prevId"], drizzles_last["id"]);
  EXPECT_TRUE(written["tables"]["public.orgs"]["columns"].contains("motto"));
  nlohmann::json journal = read_json(out() / "meta/_journal.json");
  ASSERT_EQ(journal["entries"].size(), 8u);
  EXPECT_EQ(journal["entries"][7]["tag"], "0007_next");
  EXPECT_EQ(journal["entries"][7]["idx"], 7);
}

TEST(CliFlickFolder, HeadSchemaAddsOnlyTheThreeMissingEnumValues) {
  fs::path fixtures = shared_fixtures();
  if (fixtures.empty()) GTEST_SKIP() << "no " << FLICK_SHARED_DIR << "/fixtures/flick-drizzle";
  TempDir dir;
  fs::copy(fixtures / "flick-drizzle", dir.path() / "drizzle", fs::copy_options::recursive);
  RunResult result =
      run_flick(dir.path(), {"generate", "--schema", (fixtures / "flick-schema-head.sql").string(),
                             "--out", "drizzle", "--name", "head"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::vector<fs::path> before = sql_files(fixtures / "flick-drizzle");
  std::vector<fs::path> after = sql_files(dir.path() / "drizzle");
  ASSERT_EQ(after.size(), before.size() + 1);
  EXPECT_EQ(after.back().filename(), "0006_head.sql");
  EXPECT_EQ(read_text(after.back()),
            "ALTER TYPE \"public\".\"log_action\" ADD VALUE 'user:session:terminated:all' BEFORE "
            "'user:initialized:account';--> statement-breakpoint\n"
            "ALTER TYPE \"public\".\"log_action\" ADD VALUE 'user:logged:in:new:device' BEFORE "
            "'user:created:feedback';--> statement-breakpoint\n"
            "ALTER TYPE \"public\".\"log_action\" ADD VALUE 'user:session:terminated:other' BEFORE "
            "'user:created:feedback';");
  // The snapshot chain continues from drizzle's last snapshot (0004 has none).
  EXPECT_EQ(read_json(dir.path() / "drizzle/meta/0006_snapshot.json")["prevId"],
            read_json(fixtures / "flick-drizzle/meta/0005_snapshot.json")["id"]);
}

}  // namespace
}  // namespace flick::cli_test
