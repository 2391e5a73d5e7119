// migrate::match_applied: rows matched to journal entries by identity, never by a high-water mark.

#include <gtest/gtest.h>

#include "migrate/status.hpp"

namespace flick::migrate {
namespace {

std::vector<store::JournalEntry> journal(const std::vector<std::int64_t>& whens) {
  std::vector<store::JournalEntry> entries;
  for (std::size_t i = 0; i < whens.size(); ++i) {
    store::JournalEntry entry;
    entry.idx = static_cast<int>(i);
    entry.when = whens[i];
    entry.tag = "000" + std::to_string(i) + "_m";
    entries.push_back(entry);
  }
  return entries;
}

AppliedRow row(int id, std::string hash, std::int64_t created_at) {
  AppliedRow applied;
  applied.id = id;
  applied.hash = std::move(hash);
  applied.created_at = created_at;
  return applied;
}

TEST(MatchApplied, EmptyDatabaseLeavesEverythingPendingInOrder) {
  FolderStatus status = match_applied(journal({10, 20, 30}), {"a", "b", "c"}, {});
  ASSERT_EQ(status.entries.size(), 3u);
  for (const EntryStatus& entry : status.entries) {
    EXPECT_EQ(entry.state, EntryState::kPending);
    EXPECT_FALSE(entry.out_of_order);
    EXPECT_FALSE(entry.row.has_value());
  }
  EXPECT_TRUE(status.unknown_rows.empty());
}

TEST(MatchApplied, MatchesByWhenAndHash) {
  FolderStatus status =
      match_applied(journal({10, 20, 30}), {"a", "b", "c"}, {row(1, "a", 10), row(2, "b", 20)});
  EXPECT_EQ(status.entries[0].state, EntryState::kApplied);
  EXPECT_EQ(status.entries[0].row->id, 1);
  EXPECT_EQ(status.entries[1].state, EntryState::kApplied);
  EXPECT_EQ(status.entries[2].state, EntryState::kPending);
  EXPECT_FALSE(status.entries[2].out_of_order);
}

TEST(MatchApplied, OlderPendingEntryBehindAnAppliedOneIsOutOfOrderNotSkipped) {
  // Entry 1 was merged from a branch: its `when` is older than applied entry 2's.
  FolderStatus status =
      match_applied(journal({10, 15, 20}), {"a", "b", "c"}, {row(1, "a", 10), row(2, "c", 20)});
  EXPECT_EQ(status.entries[1].state, EntryState::kPending);
  EXPECT_TRUE(status.entries[1].out_of_order);
  EXPECT_EQ(status.entries[2].state, EntryState::kApplied);
}

TEST(MatchApplied, PendingEntryNotNewerThanTheNewestRowIsOutOfOrder) {
  // Journal order is respected, but the `when` is older than what drizzle recorded last.
  FolderStatus status =
      match_applied(journal({10, 30, 25}), {"a", "b", "c"}, {row(1, "a", 10), row(2, "b", 30)});
  EXPECT_EQ(status.entries[2].state, EntryState::kPending);
  EXPECT_TRUE(status.entries[2].out_of_order);
}

TEST(MatchApplied, ChangedHashWithSameWhenIsEdited) {
  FolderStatus status =
      match_applied(journal({10, 20}), {"a", "B"}, {row(1, "a", 10), row(2, "b", 20)});
  EXPECT_EQ(status.entries[1].state, EntryState::kEdited);
  EXPECT_EQ(status.entries[1].row->hash, "b");
  EXPECT_EQ(status.entries[1].file_hash, "B");
}

TEST(MatchApplied, ChangedWhenWithSameHashIsStillApplied) {
  FolderStatus status =
      match_applied(journal({10, 21}), {"a", "b"}, {row(1, "a", 10), row(2, "b", 20)});
  EXPECT_EQ(status.entries[1].state, EntryState::kApplied);
  EXPECT_EQ(status.entries[1].row->id, 2);
  EXPECT_TRUE(status.unknown_rows.empty());
}

TEST(MatchApplied, RowsTheJournalDoesNotKnowAreReported) {
  FolderStatus status = match_applied(journal({10}), {"a"}, {row(1, "a", 10), row(7, "zzz", 99)});
  EXPECT_EQ(status.entries[0].state, EntryState::kApplied);
  ASSERT_EQ(status.unknown_rows.size(), 1u);
  EXPECT_EQ(status.unknown_rows[0].id, 7);
  EXPECT_EQ(status.unknown_rows[0].hash, "zzz");
}

TEST(MatchApplied, IdenticalFilesEachTakeTheirOwnRow) {
  // Two identical migration files (same hash) at different times: each row is used once.
  FolderStatus status = match_applied(journal({10, 20}), {"same", "same"}, {row(1, "same", 10)});
  EXPECT_EQ(status.entries[0].state, EntryState::kApplied);
  EXPECT_EQ(status.entries[1].state, EntryState::kPending);
}

TEST(MatchApplied, MissingFileOfAnAppliedEntryIsNotPending) {
  FolderStatus status = match_applied(journal({10}), {""}, {row(1, "a", 10)});
  EXPECT_NE(status.entries[0].state, EntryState::kPending);
}

TEST(MatchApplied, RowsSharingAWhenGoFirstToTheEntryWithTheirHashThenInRowOrder) {
  // Rows 1-3 share `when` 10 and rows 4-5 a hash; given out of id order on purpose.
  FolderStatus status = match_applied(
      journal({10, 10, 10, 40, 50}), {"b", "x", "a", "h", "h"},
      {row(2, "a", 10), row(1, "y", 10), row(3, "b", 10), row(5, "h", 99), row(4, "h", 98)});
  ASSERT_EQ(status.entries.size(), 5u);
  // Pass one: `when` and hash; entry 1 ("x") has no such row.
  EXPECT_EQ(status.entries[0].row->id, 3);
  EXPECT_EQ(status.entries[2].row->id, 2);
  EXPECT_EQ(status.entries[0].state, EntryState::kApplied);
  // Pass two: `when` alone, the row left over: an edited file.
  EXPECT_EQ(status.entries[1].row->id, 1);
  EXPECT_EQ(status.entries[1].state, EntryState::kEdited);
  // Pass three: hash alone, rows in the order given.
  EXPECT_EQ(status.entries[3].row->id, 5);
  EXPECT_EQ(status.entries[4].row->id, 4);
  EXPECT_EQ(status.entries[4].state, EntryState::kApplied);
  EXPECT_TRUE(status.unknown_rows.empty());
}

TEST(EntryStateNames, AreTheWordsStatusPrints) {
  EXPECT_STREQ(to_string(EntryState::kApplied), "applied");
  EXPECT_STREQ(to_string(EntryState::kPending), "pending");
  EXPECT_STREQ(to_string(EntryState::kEdited), "edited");
}

}  // namespace
}  // namespace flick::migrate
