#include "store/folder.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <regex>

#include "store/uuid.hpp"
#include "test_files.hpp"

namespace flick::store {
namespace {

namespace fs = std::filesystem;

constexpr std::int64_t kNow = 1700000000123;  // 2023-11-14T22:13:20.123Z

TEST(SplitBreakpoints, KeepsEachChunkAndTheLineItStartsOn) {
  fs::path path = testing::fixture_folder() / "0003_flat_reptil.sql";
  if (!fs::exists(path)) GTEST_SKIP() << "fixture absent: " << path;
  std::vector<SqlChunk> chunks = split_breakpoints(testing::read_file(path));
  ASSERT_EQ(chunks.size(), 8u);
  std::vector<int> lines;
  for (const SqlChunk& chunk : chunks) lines.push_back(chunk.line);
  EXPECT_EQ(lines, (std::vector<int>{1, 8, 9, 10, 11, 12, 13, 14}));
  EXPECT_EQ(chunks[0].text.substr(0, 30), "CREATE TABLE \"college_branches");
  EXPECT_EQ(chunks[7].text, "\nALTER TABLE \"colleges\" DROP COLUMN \"branches\";");
}

TEST(SplitBreakpoints, LeadingBlankLinesMoveTheLine) {
  std::vector<SqlChunk> chunks =
      split_breakpoints("SELECT 1;--> statement-breakpoint\n\n\n  SELECT 2;");
  ASSERT_EQ(chunks.size(), 2u);
  EXPECT_EQ(chunks[0].line, 1);
  EXPECT_EQ(chunks[1].line, 4);
  EXPECT_EQ(split_breakpoints("SELECT 1;").size(), 1u);
}

TEST(JoinStatements, JoinsAsDrizzleKitDoes) {
  std::vector<std::string> statements = {"CREATE TABLE \"t\" (\n\t\"id\" integer\n);\n",
                                         "CREATE INDEX \"i\" ON \"t\" USING btree (\"id\");"};
  EXPECT_EQ(join_statements(statements, true),
            "CREATE TABLE \"t\" (\n\t\"id\" integer\n);\n--> statement-breakpoint\n"
            "CREATE INDEX \"i\" ON \"t\" USING btree (\"id\");");
  EXPECT_EQ(join_statements(statements, false),
            "CREATE TABLE \"t\" (\n\t\"id\" integer\n);\n\n"
            "CREATE INDEX \"i\" ON \"t\" USING btree (\"id\");");
}

TEST(MigrationFolder, LatestSnapshotIsTheLastFilePresent) {
  if (!fs::exists(testing::fixture_folder())) GTEST_SKIP() << "fixture folder absent";
  MigrationFolder folder(testing::fixture_folder());
  ASSERT_TRUE(folder.has_journal());
  EXPECT_EQ(folder.journal().entries.size(), 6u);
  std::vector<fs::path> snapshots = folder.snapshot_paths();
  ASSERT_EQ(snapshots.size(), 5u);  // 0004's snapshot is missing
  EXPECT_EQ(snapshots.back().filename(), "0005_snapshot.json");
  EXPECT_EQ(folder.latest_snapshot_id(), "450aa255-e4df-48ce-ae1e-bec4e28f11e8");
  auto all = folder.load_snapshots();
  ASSERT_EQ(all.size(), 5u);
  EXPECT_EQ(all[4].second.prev_id, "6d0209e8-9df0-4552-9fcf-92667fc3173f");
  EXPECT_EQ(all[3].second.id, "6d0209e8-9df0-4552-9fcf-92667fc3173f");  // 0005 follows 0003
  EXPECT_EQ(folder.sql_paths().size(), 6u);
  EXPECT_EQ(folder.sql_path(folder.journal().entries[4]).filename(), "0004_brisk_harrier.sql");
}

NewMigration two_statements(const std::string& name, PrefixMode prefix) {
  NewMigration migration;
  migration.name = name;
  migration.prefix = prefix;
  migration.statements = {"CREATE TABLE \"t\" (\n\t\"id\" integer\n);\n",
                          "CREATE INDEX \"i\" ON \"t\" USING btree (\"id\");"};
  migration.now_ms = kNow;
  return migration;
}

TEST(MigrationFolder, StartsAnEmptyFolderLikeDrizzleKit) {
  testing::TempDir temp;
  fs::path out = temp.path() / "drizzle";
  MigrationFolder folder(out);
  EXPECT_FALSE(folder.has_journal());
  EXPECT_EQ(folder.latest_snapshot_id(), kNilUuid);

  WrittenMigration first = folder.write_migration(two_statements("first", PrefixMode::kIndex));
  EXPECT_EQ(first.entry.tag, "0000_first");
  EXPECT_EQ(first.sql_path, out / "0000_first.sql");
  EXPECT_EQ(first.snapshot_path, out / "meta" / "0000_snapshot.json");
  EXPECT_EQ(testing::read_file(first.sql_path),
            "CREATE TABLE \"t\" (\n\t\"id\" integer\n);\n--> statement-breakpoint\n"
            "CREATE INDEX \"i\" ON \"t\" USING btree (\"id\");");
  EXPECT_EQ(testing::read_file(out / "meta" / "_journal.json"),
            "{\n  \"version\": \"7\",\n  \"dialect\": \"postgresql\",\n  \"entries\": [\n    {\n"
            "      \"idx\": 0,\n      \"version\": \"7\",\n      \"when\": 1700000000123,\n"
            "      \"tag\": \"0000_first\",\n      \"breakpoints\": true\n    }\n  ]\n}");
  Snapshot snapshot = read_snapshot(first.snapshot_path);
  EXPECT_EQ(snapshot.prev_id, kNilUuid);
  EXPECT_TRUE(std::regex_match(
      snapshot.id,
      std::regex("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")));
  EXPECT_EQ(snapshot.layout, JsonLayout::kDrizzleKit);

  MigrationFolder reopened(out);
  NewMigration next = two_statements("second", PrefixMode::kIndex);
  next.breakpoints = false;
  WrittenMigration second = reopened.write_migration(next);
  EXPECT_EQ(second.entry.idx, 1);
  EXPECT_FALSE(second.entry.breakpoints);
  EXPECT_EQ(read_snapshot(second.snapshot_path).prev_id, snapshot.id);
  EXPECT_EQ(reopened.journal().entries.size(), 2u);
  EXPECT_EQ(read_journal(out / "meta" / "_journal.json"), reopened.journal());
}

TEST(MigrationFolder, ContinuesAReformattedFolderInItsOwnLayout) {
  if (!fs::exists(testing::fixture_folder())) GTEST_SKIP() << "fixture folder absent";
  testing::TempDir temp;
  fs::path out = temp.path() / "drizzle";
  fs::copy(testing::fixture_folder(), out, fs::copy_options::recursive);
  fs::permissions(out, fs::perms::owner_all, fs::perm_options::add);
  fs::permissions(out / "meta", fs::perms::owner_all, fs::perm_options::add);
  fs::permissions(out / "meta" / "_journal.json", fs::perms::owner_write, fs::perm_options::add);
  std::string journal_before = testing::read_file(out / "meta" / "_journal.json");

  MigrationFolder folder(out);
  NewMigration migration = two_statements("next_step", PrefixMode::kIndex);
  migration.snapshot = *folder.latest_snapshot();
  migration.snapshot.id.clear();
  migration.snapshot.prev_id.clear();
  WrittenMigration written = folder.write_migration(migration);
  EXPECT_EQ(written.entry.idx, 6);
  EXPECT_EQ(written.entry.tag, "0006_next_step");
  std::string journal_after = testing::read_file(out / "meta" / "_journal.json");
  // The old entries are untouched; the new one follows in the same tabbed layout.
  std::string old_entries = journal_before.substr(0, journal_before.rfind("\t\t}"));
  EXPECT_EQ(journal_after.substr(0, old_entries.size()), old_entries);
  EXPECT_NE(
      journal_after.find("\t\t{\n\t\t\t\"idx\": 6,\n\t\t\t\"version\": \"7\",\n"
                         "\t\t\t\"when\": 1700000000123,\n\t\t\t\"tag\": \"0006_next_step\",\n"
                         "\t\t\t\"breakpoints\": true\n\t\t}\n\t]\n}\n"),
      std::string::npos);
  Snapshot snapshot = read_snapshot(written.snapshot_path);
  EXPECT_EQ(snapshot.prev_id, "450aa255-e4df-48ce-ae1e-bec4e28f11e8");
  EXPECT_EQ(snapshot.layout, JsonLayout::kTabbed);
  EXPECT_EQ(MigrationFolder(out).latest_snapshot_id(), snapshot.id);
}

TEST(MigrationFolder, TagPrefixesFollowDrizzleKit) {
  testing::TempDir temp;
  MigrationFolder folder(temp.path());
  EXPECT_EQ(folder.write_migration(two_statements("a", PrefixMode::kTimestamp)).entry.tag,
            "20231114221320_a");
  EXPECT_EQ(folder.write_migration(two_statements("b", PrefixMode::kUnix)).entry.tag,
            "1700000000_b");
  WrittenMigration none = folder.write_migration(two_statements("c", PrefixMode::kNone));
  EXPECT_EQ(none.entry.tag, "_c");
  EXPECT_EQ(none.snapshot_path.filename(), "_snapshot.json");
  WrittenMigration index = folder.write_migration(two_statements("d", PrefixMode::kIndex));
  EXPECT_EQ(index.entry.tag, "0003_d");
  EXPECT_TRUE(fs::exists(temp.path() / "20231114221320_a.sql"));
}

TEST(MigrationFolder, TheCurrentTimeNeverLandsAtOrBeforeTheLastWhen) {
  testing::TempDir temp;
  MigrationFolder folder(temp.path());
  // The last entry is an hour ahead of this clock (a teammate's clock, or a fast machine writing
  // twice in one millisecond): the next `when` follows it, or drizzle-orm would skip the entry.
  NewMigration ahead = two_statements("ahead", PrefixMode::kIndex);
  std::int64_t hour_ahead = std::chrono::duration_cast<std::chrono::milliseconds>(
                                std::chrono::system_clock::now().time_since_epoch())
                                .count() +
                            3'600'000;
  ahead.now_ms = hour_ahead;
  folder.write_migration(ahead);
  for (const char* name : {"next", "again"}) {
    NewMigration next = two_statements(name, PrefixMode::kIndex);
    next.now_ms.reset();
    folder.write_migration(next);
  }
  const std::vector<JournalEntry>& entries = folder.journal().entries;
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[1].when, hour_ahead + 1);
  EXPECT_EQ(entries[2].when, hour_ahead + 2);
}

TEST(MigrationFolder, GeneratesATwoWordNameWhenNoneIsGiven) {
  testing::TempDir temp;
  MigrationFolder folder(temp.path());
  WrittenMigration written = folder.write_migration(two_statements("", PrefixMode::kIndex));
  EXPECT_TRUE(std::regex_match(written.entry.tag, std::regex("0000_[a-z]+_[a-z]+")))
      << written.entry.tag;
}

TEST(MigrationFolder, CustomMigrationMatchesDrizzleKitGenerateCustom) {
  fs::path reference = testing::drizzle_kit_folder();
  if (!fs::exists(reference / "0003_custom_empty.sql")) GTEST_SKIP() << "drizzle-kit folder absent";
  testing::TempDir temp;
  fs::create_directories(temp.path() / "meta");
  Journal journal = read_journal(reference / "meta" / "_journal.json");
  journal.entries.resize(3);
  testing::write_file(temp.path() / "meta" / "_journal.json", journal_json(journal));
  for (const char* name : {"0000_snapshot.json", "0001_snapshot.json", "0002_snapshot.json"}) {
    fs::copy_file(reference / "meta" / name, temp.path() / "meta" / name);
  }
  MigrationFolder folder(temp.path());
  WrittenMigration written =
      folder.write_custom_migration("custom_empty", PrefixMode::kIndex, true, kNow);
  EXPECT_EQ(testing::read_file(written.sql_path),
            testing::read_file(reference / "0003_custom_empty.sql"));
  std::string expected = testing::read_file(reference / "meta" / "0003_snapshot.json");
  Snapshot drizzle_custom = parse_snapshot(expected, "0003_snapshot.json");
  std::string actual = testing::read_file(written.snapshot_path);
  std::size_t at = actual.find(written.snapshot_id);
  ASSERT_NE(at, std::string::npos);
  actual.replace(at, written.snapshot_id.size(), drizzle_custom.id);
  EXPECT_TRUE(actual == expected) << actual.substr(0, 400);
}

}  // namespace
}  // namespace flick::store
