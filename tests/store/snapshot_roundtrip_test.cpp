// Reading a snapshot and writing it again gives identical bytes, for snapshots written by
// drizzle-kit 0.31 itself and for Flick's own drizzle folder (reformatted with tabs).

#include <gtest/gtest.h>

#include <algorithm>

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

TEST(SnapshotRoundTrip, SpellingsAreRareAndOnlyForNormalisedValues) {
  // The model holds normalised text; an original spelling is remembered only where drizzle's
  // text differs from the normalised one. Most values must map without one.
  if (!fs::exists(testing::fixture_folder())) GTEST_SKIP() << "fixture folder absent";
  Snapshot snapshot = read_snapshot(testing::fixture_folder() / "meta" / "0005_snapshot.json");
  for (const auto& [where, spelling] : snapshot.spellings) {
    bool normalised_kind = where.ends_with("/default") || where.ends_with("/type") ||
                           where.find("/checks/") != std::string::npos ||
                           where.ends_with("/where") || where.ends_with("/definition") ||
                           where.ends_with("/using") || where.ends_with("/withCheck") ||
                           where.ends_with("/generated") ||
                           where.find("/columns/") != std::string::npos;
    EXPECT_TRUE(normalised_kind) << where;
  }
  EXPECT_LT(snapshot.spellings.size(), 20u);
}

}  // namespace
}  // namespace flick::store
