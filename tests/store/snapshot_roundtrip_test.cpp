// Reading a snapshot and writing it again gives identical bytes, for snapshots written by
// drizzle-kit 0.31 itself and for Flick's own drizzle folder (reformatted with tabs).

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <regex>

#include "flick/error.hpp"
#include "store/folder.hpp"
#include "store/snapshot.hpp"
#include "test_files.hpp"

namespace flick::store {
namespace {

namespace fs = std::filesystem;

// Where two texts first differ, with some context, for a readable failure.
std::string first_difference(const std::string& expected, const std::string& actual) {
  std::size_t i = 0;
  while (i < expected.size() && i < actual.size() && expected[i] == actual[i]) ++i;
  std::size_t from = i > 120 ? i - 120 : 0;
  return "at byte " + std::to_string(i) + "\n--- expected ---\n" + expected.substr(from, 240) +
         "\n--- actual ---\n" + actual.substr(from, 240);
}

void expect_round_trip(const fs::path& folder) {
  std::vector<fs::path> paths = MigrationFolder(folder).snapshot_paths();
  ASSERT_FALSE(paths.empty()) << folder;
  for (const fs::path& path : paths) {
    SCOPED_TRACE(path.string());
    std::string original = testing::read_file(path);
    Snapshot snapshot = read_snapshot(path);
    std::string written = snapshot_json(snapshot);
    EXPECT_TRUE(written == original) << first_difference(original, written);
    // Writing what was written and read again changes nothing either.
    EXPECT_EQ(snapshot_json(parse_snapshot(written, path.string())), written);
  }
}

TEST(SnapshotRoundTrip, FlickFixtureFolderIsByteIdentical) {
  if (!fs::exists(testing::fixture_folder())) GTEST_SKIP() << "fixture folder absent";
  expect_round_trip(testing::fixture_folder());
}

TEST(SnapshotRoundTrip, DrizzleKitFolderIsByteIdentical) {
  if (!fs::exists(testing::drizzle_kit_folder())) GTEST_SKIP() << "drizzle-kit folder absent";
  expect_round_trip(testing::drizzle_kit_folder());
}

bool is_normalised_location(const std::string& where) {
  static const std::regex kind(
      ".*/(default|type|generated|where|using|withCheck|definition)$|"
      ".*/checks/[^/]+$|.*/indexes/[^/]+/columns/[0-9]+$");
  return std::regex_match(where, kind);
}

TEST(SnapshotRoundTrip, SpellingsAreKeptOnlyForNormalisedValues) {
  // The model holds normalised text; an original spelling is remembered only where drizzle's
  // text differs from it. Every other value must map to the model and back by itself.
  for (const fs::path& folder : {testing::fixture_folder(), testing::drizzle_kit_folder()}) {
    if (!fs::exists(folder)) continue;
    for (const fs::path& path : MigrationFolder(folder).snapshot_paths()) {
      Snapshot snapshot = read_snapshot(path);
      for (const auto& [where, spelling] : snapshot.spellings) {
        EXPECT_TRUE(is_normalised_location(where)) << path << ": " << where;
        EXPECT_NE(spelling.original, nlohmann::ordered_json(spelling.canonical)) << where;
      }
    }
  }
}

TEST(SnapshotRoundTrip, ANewSnapshotInheritingDetailsChangesOnlyItsIds) {
  fs::path path = testing::drizzle_kit_folder() / "meta" / "0006_snapshot.json";
  if (!fs::exists(path)) GTEST_SKIP() << "drizzle-kit folder absent";
  Snapshot previous = read_snapshot(path);
  Snapshot next;
  next.id = "22222222-2222-4222-8222-222222222222";
  next.prev_id = previous.id;
  next.catalog = previous.catalog;
  next.policies = previous.policies;
  inherit_round_trip_details(next, previous);
  std::string expected = snapshot_json(previous);
  expected.replace(expected.find(previous.prev_id), previous.prev_id.size(), previous.id);
  expected.replace(expected.find(previous.id), previous.id.size(), next.id);
  EXPECT_EQ(snapshot_json(next), expected);
}

}  // namespace
}  // namespace flick::store

namespace flick::store {
namespace {

// Range types, collations and trigger states survive the objects file; a trigger in its default
// state and a catalog without range types or collations write no key for them (older folders
// keep their bytes).
TEST(ObjectsFile, RangeTypesCollationsAndTriggerStatesRoundTrip) {
  model::Catalog catalog;
  catalog.range_types.push_back(
      {"public", "timerange", "time", "", "\"C\"", "", "time_subtype_diff", "time_ranges"});
  catalog.collations.push_back({"app", "ci", "icu", "und-u-ks-level2", "und-u-ks-level2", false});
  model::Table table;
  table.name = "notes";
  table.triggers.push_back({"a", "CREATE TRIGGER a ...", "TRIGGER a", 'O'});
  table.triggers.push_back({"b", "CREATE TRIGGER b ...", "TRIGGER b", 'R'});
  catalog.tables.push_back(table);
  ASSERT_TRUE(has_objects(catalog));
  std::string json = objects_json(catalog);
  EXPECT_NE(json.find("\"enabled\": \"R\""), std::string::npos) << json;
  EXPECT_EQ(json.find("\"enabled\": \"O\""), std::string::npos) << json;
  fs::path path = fs::temp_directory_path() / "flick-objects-roundtrip.json";
  {
    std::ofstream out(path);
    out << json;
  }
  model::Catalog read;
  read.tables.push_back(model::Table{});
  read.tables[0].name = "notes";
  read_objects(path, read);
  EXPECT_EQ(read.range_types, catalog.range_types);
  EXPECT_EQ(read.collations, catalog.collations);
  EXPECT_EQ(read.tables[0].triggers, catalog.tables[0].triggers);

  model::Catalog plain;
  plain.tables.push_back(table);
  plain.tables[0].triggers.pop_back();
  std::string plain_json = objects_json(plain);
  EXPECT_EQ(plain_json.find("rangeTypes"), std::string::npos) << plain_json;
  EXPECT_EQ(plain_json.find("collations\": ["), std::string::npos) << plain_json;
  EXPECT_EQ(plain_json.find("enabled"), std::string::npos) << plain_json;

  // An unknown trigger state is an error naming the file and the trigger.
  std::string bad = json;
  bad.replace(bad.find("\"enabled\": \"R\""), 14, "\"enabled\": \"X\"");
  {
    std::ofstream out(path);
    out << bad;
  }
  model::Catalog again;
  again.tables.push_back(model::Table{});
  again.tables[0].name = "notes";
  try {
    read_objects(path, again);
    ADD_FAILURE() << "an unknown trigger state was read";
  } catch (const UserError& error) {
    EXPECT_NE(std::string(error.what()).find("trigger \"b\" has unknown state \"X\""),
              std::string::npos)
        << error.what();
  }
  fs::remove(path);
}

}  // namespace
}  // namespace flick::store
