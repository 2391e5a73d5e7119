// A snapshot written ahead: stream_snapshot_json hands over the same bytes as snapshot_json in
// pieces, and SnapshotDraft puts them in the folder only when write_migration places it.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "store/folder.hpp"
#include "store/json_format.hpp"
#include "store/snapshot.hpp"
#include "store/uuid.hpp"
#include "test_files.hpp"

namespace flick::store {
namespace {

namespace fs = std::filesystem;

// A snapshot whose text is several stream pieces long (about 300 bytes a column).
Snapshot large_snapshot(JsonLayout layout) {
  Snapshot snapshot;
  snapshot.id = "11111111-1111-4111-8111-111111111111";
  snapshot.prev_id = kNilUuid;
  snapshot.layout = layout;
  for (int t = 0; t < 250; ++t) {
    model::Table table;
    table.name = "table_" + std::to_string(t);
    for (int c = 0; c < 8; ++c) {
      model::Column column;
      column.name = "column_" + std::to_string(c);
      column.type = c == 0 ? "serial" : "varchar(" + std::to_string(10 + c) + ")";
      column.primary_key = c == 0;
      column.not_null = c < 2;
      if (c == 3) column.default_expr = "'x'";
      table.columns.push_back(column);
    }
    model::Index index;
    index.name = table.name + "_column_1_idx";
    model::IndexElement element;
    element.expression = "column_1";
    index.elements.push_back(element);
    table.indexes.push_back(index);
    snapshot.catalog.tables.push_back(table);
  }
  return snapshot;
}

std::vector<std::string> pieces_of(const Snapshot& snapshot, bool* complete) {
  std::vector<std::string> pieces;
  *complete =
      stream_snapshot_json(snapshot, [&](std::string_view piece) { pieces.emplace_back(piece); });
  return pieces;
}

std::vector<std::string> entries(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    names.push_back(entry.path().lexically_relative(dir).string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

TEST(StreamSnapshotJson, SameBytesAsTheWholeTextInEveryLayout) {
  for (JsonLayout layout : {JsonLayout::kDrizzleKit, JsonLayout::kTabbed, JsonLayout::kCompact}) {
    Snapshot snapshot = large_snapshot(layout);
    bool complete = false;
    std::vector<std::string> pieces = pieces_of(snapshot, &complete);
    ASSERT_TRUE(complete);
    std::string whole = snapshot_json(snapshot);
    ASSERT_GT(whole.size(), 3 * JsonStreamWriter::kStreamPiece);
    ASSERT_GE(pieces.size(), 3u);
    std::string joined;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      // Every piece but the last is at least a piece long, and none is the whole text.
      if (i + 1 < pieces.size()) {
        EXPECT_GE(pieces[i].size(), JsonStreamWriter::kStreamPiece);
      }
      EXPECT_LT(pieces[i].size(), whole.size());
      joined += pieces[i];
    }
    EXPECT_EQ(joined, whole) << "layout " << static_cast<int>(layout);
  }
}

TEST(StreamSnapshotJson, DeclinesAParsedKeyOrder) {
  Snapshot snapshot = large_snapshot(JsonLayout::kDrizzleKit);
  snapshot.key_order = SnapshotKeyOrder::kParsed;
  bool complete = true;
  std::vector<std::string> pieces = pieces_of(snapshot, &complete);
  EXPECT_FALSE(complete);
  EXPECT_TRUE(pieces.empty());
}

TEST(SnapshotDraft, PlacedByWriteMigrationAsTheSnapshotFile) {
  testing::TempDir temp;
  fs::path out = temp.path() / "drizzle";  // not there yet: the draft creates nothing
  MigrationFolder folder(out);
  NewMigration migration;
  migration.name = "first";
  migration.statements = {"SELECT 1;"};
  migration.now_ms = 1700000000123;
  migration.snapshot = large_snapshot(JsonLayout::kDrizzleKit);
  folder.complete_snapshot(migration.snapshot);
  std::string expected = snapshot_json(migration.snapshot);
  migration.snapshot_draft =
      std::make_shared<SnapshotDraft>(SnapshotDraft::write(folder, migration.snapshot));
  ASSERT_TRUE(migration.snapshot_draft->ready());
  EXPECT_FALSE(fs::exists(out));
  EXPECT_TRUE(entries(temp.path()).empty());
  WrittenMigration written = folder.write_migration(migration);
  EXPECT_EQ(testing::read_file(written.snapshot_path), expected);
  EXPECT_FALSE(migration.snapshot_draft->ready());  // placed: closed
  EXPECT_EQ(entries(out),
            (std::vector<std::string>{"0000_first.sql", "meta", "meta/0000_snapshot.json",
                                      "meta/_journal.json"}));
}

TEST(SnapshotDraft, DroppedUnplacedItLeavesNothing) {
  testing::TempDir temp;
  fs::path out = temp.path() / "drizzle";
  fs::create_directories(out / "meta");
  MigrationFolder folder(out);
  Snapshot snapshot = large_snapshot(JsonLayout::kTabbed);
  folder.complete_snapshot(snapshot);
  {
    SnapshotDraft draft = SnapshotDraft::write(folder, snapshot);
    ASSERT_TRUE(draft.ready());
  }
  EXPECT_EQ(entries(temp.path()), (std::vector<std::string>{"drizzle", "drizzle/meta"}));
}

TEST(SnapshotDraft, ReplacesAFileAtItsPlace) {
  testing::TempDir temp;
  MigrationFolder folder(temp.path());
  Snapshot snapshot = large_snapshot(JsonLayout::kCompact);
  folder.complete_snapshot(snapshot);
  fs::path target = temp.path() / "stale.json";
  testing::write_file(target, "stale");
  SnapshotDraft draft = SnapshotDraft::write(folder, snapshot);
  ASSERT_TRUE(draft.ready());
  EXPECT_TRUE(draft.place(target));
  EXPECT_EQ(testing::read_file(target), snapshot_json(snapshot));
  EXPECT_FALSE(draft.place(temp.path() / "again.json"));  // placed once only
  EXPECT_FALSE(fs::exists(temp.path() / "again.json"));
}

TEST(SnapshotDraft, NotReadyForAShapeTheStreamDeclines) {
  testing::TempDir temp;
  MigrationFolder folder(temp.path());
  Snapshot snapshot = large_snapshot(JsonLayout::kDrizzleKit);
  snapshot.key_order = SnapshotKeyOrder::kParsed;
  SnapshotDraft draft = SnapshotDraft::write(folder, snapshot);
  EXPECT_FALSE(draft.ready());
  EXPECT_FALSE(draft.place(temp.path() / "x.json"));
  EXPECT_TRUE(entries(temp.path()).empty());
}

}  // namespace
}  // namespace flick::store
