// flick check --fix: the three defects of the Flick fixture folder (and of the in-repository
// copy of them) and a branch collision are repaired; the fixed folders check clean and migrate
// an empty database to the schema they were generated from.

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "flick_process.hpp"
#include "pg/pg.hpp"
#include "support/catalog_dump.hpp"
#include "support/line_diff.hpp"
#include "support/test_cluster.hpp"

namespace flick::testing {
namespace {

namespace fs = std::filesystem;

nlohmann::json check_json(const fs::path& folder) {
  FlickRun run = run_flick({"check", "--out", folder.string(), "--json"});
  nlohmann::json json = nlohmann::json::parse(run.out, nullptr, false);
  json["exit_code"] = run.exit_code;
  return json;
}

std::vector<std::string> rules(const nlohmann::json& report) {
  std::vector<std::string> names;
  for (const auto& finding : report["findings"]) names.push_back(finding["rule"]);
  return names;
}

fs::path copy_folder(const fs::path& from, const std::string& name) {
  fs::path to = make_temp_dir(name) / "drizzle";
  fs::copy(from, to, fs::copy_options::recursive);
  return to;
}

void apply_sql_file(const std::string& url, const fs::path& file) {
  pg::Connection connection(url);
  connection.exec_all(read_text(file));
}

void expect_defects_fixed(const fs::path& folder) {
  nlohmann::json before = check_json(folder);
  EXPECT_EQ(before["exit_code"], 1) << before.dump(2);
  EXPECT_EQ(before["errors"], 3) << before.dump(2);
  EXPECT_EQ(rules(before),
            (std::vector<std::string>{"missing-snapshot", "journal-order", "recreated-object"}));

  FlickRun dry = run_flick({"check", "--out", folder.string(), "--fix", "--dry-run"});
  EXPECT_NE(dry.out.find("dry run: nothing was written"), std::string::npos) << dry.out;
  EXPECT_EQ(check_json(folder)["errors"], 3) << "--dry-run wrote something";

  FlickRun fix = run_flick({"check", "--out", folder.string(), "--fix"});
  EXPECT_EQ(fix.exit_code, 0) << fix.out << fix.err;
  EXPECT_NE(fix.out.find("fixed: meta/_journal.json: `when` of"), std::string::npos) << fix.out;
  EXPECT_NE(fix.out.find("written from the replayed migrations"), std::string::npos) << fix.out;
  EXPECT_NE(fix.out.find("removed `CREATE TABLE"), std::string::npos) << fix.out;

  nlohmann::json after = check_json(folder);
  EXPECT_EQ(after["exit_code"], 0) << after.dump(2);
  EXPECT_EQ(after["errors"], 0) << after.dump(2);
  FlickRun again = run_flick({"check", "--out", folder.string(), "--fix"});
  EXPECT_NE(again.out.find("nothing to fix"), std::string::npos) << again.out;
}

TEST(CheckFix, FlickFixtureFolderChecksCleanAndMigratesToTheHeadSchema) {
  fs::path fixtures = fs::path(FLICK_SHARED_DIR) / "fixtures";
  if (!fs::exists(fixtures / "flick-drizzle")) {
    GTEST_SKIP() << "the shared fixtures (" << fixtures << ") are absent";
  }
  fs::path folder = copy_folder(fixtures / "flick-drizzle", "flick-check-fix");
  expect_defects_fixed(folder);
  std::string url = create_database("fixture_fixed");
  FlickRun migrate = run_flick({"migrate", "--out", folder.string(), "--url", url});
  ASSERT_EQ(migrate.exit_code, 0) << migrate.out << migrate.err;

  // What generate adds after the fix: exactly the three log_action values of the head schema.
  fs::path head = fixtures / "flick-schema-head.sql";
  FlickRun generate = run_flick(
      {"generate", "--schema", head.string(), "--out", folder.string(), "--name", "after_fix"});
  ASSERT_EQ(generate.exit_code, 0) << generate.out << generate.err;
  std::vector<fs::path> sql;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.path().extension() == ".sql") sql.push_back(entry.path());
  }
  std::sort(sql.begin(), sql.end());
  std::string added = read_text(sql.back());
  EXPECT_EQ(sql.back().filename().string(), "0006_after_fix.sql");
  std::size_t values = 0;
  for (std::size_t at = added.find("ALTER TYPE \"public\".\"log_action\" ADD VALUE");
       at != std::string::npos; at = added.find("ALTER TYPE", at + 1)) {
    ++values;
  }
  EXPECT_EQ(values, 3u) << added;
  EXPECT_EQ(added.find("TABLE"), std::string::npos) << added;

  FlickRun rest = run_flick({"migrate", "--out", folder.string(), "--url", url});
  ASSERT_EQ(rest.exit_code, 0) << rest.out << rest.err;
  std::string head_url = create_database("fixture_head");
  apply_sql_file(head_url, head);
  std::string migrated = catalog_dump(url);
  std::string wanted = catalog_dump(head_url);
  EXPECT_EQ(migrated, wanted) << line_diff(wanted, migrated);
}

TEST(CheckReplay, ScratchDatabaseNamesTheFailingStatementAndMatchesSnapshotsAfterFix) {
  fs::path data = FLICK_CLI_DATA;
  fs::path folder = copy_folder(data / "defects", "flick-check-replay");
  std::string url = create_database("check_replay_server");
  FlickRun before =
      run_flick({"check", "--out", folder.string(), "--replay", "--url", url, "--json"});
  EXPECT_EQ(before.exit_code, 1) << before.out << before.err;
  nlohmann::json report = nlohmann::json::parse(before.out, nullptr, false);
  EXPECT_EQ(rules(report), (std::vector<std::string>{"missing-snapshot", "journal-order",
                                                     "recreated-object", "replay-live"}))
      << before.out;
  ASSERT_EQ(run_flick({"check", "--out", folder.string(), "--fix"}).exit_code, 0);
  FlickRun after = run_flick({"check", "--out", folder.string(), "--replay", "--url", url});
  EXPECT_EQ(after.exit_code, 0) << after.out << after.err;
  // The scratch database is gone.
  pg::Connection connection(url);
  pg::Result left =
      connection.exec("SELECT count(*) FROM pg_database WHERE datname LIKE 'flick_replay_%'");
  EXPECT_EQ(left.value(0, 0), "0");
}

TEST(CheckFix, InRepositoryDefectFolderChecksCleanAndMigrates) {
  fs::path data = FLICK_CLI_DATA;
  fs::path folder = copy_folder(data / "defects", "flick-check-defects");
  expect_defects_fixed(folder);
  std::string url = create_database("defects_fixed");
  FlickRun migrate = run_flick({"migrate", "--out", folder.string(), "--url", url});
  ASSERT_EQ(migrate.exit_code, 0) << migrate.out << migrate.err;
  std::string wanted_url = create_database("defects_wanted");
  apply_sql_file(wanted_url, data / "defects-schema.sql");
  std::string migrated = catalog_dump(url);
  std::string wanted = catalog_dump(wanted_url);
  EXPECT_EQ(migrated, wanted) << line_diff(wanted, migrated);
}

TEST(CheckFix, BranchCollisionBecomesALineThatMigrates) {
  fs::path root = make_temp_dir("flick-check-collision");
  fs::path main = root / "main", branch = root / "branch";
  std::string users = "CREATE TABLE users (id serial PRIMARY KEY);\n";
  write_text(root / "base.sql", users);
  write_text(root / "a.sql", users + "CREATE TABLE posts (id serial PRIMARY KEY, title text);\n");
  write_text(root / "b.sql", users + "CREATE TABLE tags (id serial PRIMARY KEY, label text);\n");
  auto generate = [&](const fs::path& out, const std::string& schema, const std::string& name) {
    FlickRun run = run_flick(
        {"generate", "--schema", (root / schema).string(), "--out", out.string(), "--name", name});
    ASSERT_EQ(run.exit_code, 0) << run.out << run.err;
  };
  generate(main, "base.sql", "users");
  fs::copy(main, branch, fs::copy_options::recursive);
  generate(main, "a.sql", "posts");
  generate(branch, "b.sql", "tags");
  // Merge the branch: its 0001 becomes 0002 beside main's 0001, as a careless merge would.
  fs::copy_file(branch / "0001_tags.sql", main / "0002_tags.sql");
  fs::copy_file(branch / "meta" / "0001_snapshot.json", main / "meta" / "0002_snapshot.json");
  nlohmann::ordered_json journal =
      nlohmann::ordered_json::parse(read_text(main / "meta/_journal.json"));
  nlohmann::ordered_json entry = journal["entries"][1];
  entry["idx"] = 2;
  entry["tag"] = "0002_tags";
  entry["when"] = entry["when"].get<std::int64_t>() + 1;
  journal["entries"].push_back(entry);
  write_text(main / "meta/_journal.json", journal.dump(2));

  nlohmann::json before = check_json(main);
  EXPECT_EQ(before["exit_code"], 1) << before.dump(2);
  ASSERT_EQ(rules(before), (std::vector<std::string>{"snapshot-collision"})) << before.dump(2);
  std::string message = before["findings"][0]["message"];
  EXPECT_NE(message.find("0001_snapshot.json"), std::string::npos) << message;
  EXPECT_NE(message.find("0002_snapshot.json"), std::string::npos) << message;

  FlickRun fix = run_flick({"check", "--out", main.string(), "--fix"});
  EXPECT_EQ(fix.exit_code, 0) << fix.out << fix.err;
  EXPECT_NE(fix.out.find("branch collision"), std::string::npos) << fix.out;
  nlohmann::json after = check_json(main);
  EXPECT_EQ(after["exit_code"], 0) << after.dump(2);

  // A line: each snapshot's prevId is the previous snapshot's id.
  std::string previous = "00000000-0000-0000-0000-000000000000";
  for (const char* file : {"0000_snapshot.json", "0001_snapshot.json", "0002_snapshot.json"}) {
    nlohmann::json snapshot = nlohmann::json::parse(read_text(main / "meta" / file));
    EXPECT_EQ(snapshot["prevId"], previous) << file;
    previous = snapshot["id"];
  }
  nlohmann::json last = nlohmann::json::parse(read_text(main / "meta/0002_snapshot.json"));
  EXPECT_TRUE(last["tables"].contains("public.posts")) << "moved snapshot rebuilt from replay";
  EXPECT_TRUE(last["tables"].contains("public.tags"));

  std::string url = create_database("collision_fixed");
  FlickRun migrate = run_flick({"migrate", "--out", main.string(), "--url", url});
  ASSERT_EQ(migrate.exit_code, 0) << migrate.out << migrate.err;
  std::string dump = catalog_dump(url);
  EXPECT_NE(dump.find("posts"), std::string::npos) << dump;
  EXPECT_NE(dump.find("tags"), std::string::npos) << dump;
}

}  // namespace
}  // namespace flick::testing
