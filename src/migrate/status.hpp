#pragma once

// Which journal entries a database has applied, matched by identity (the journal `when` drizzle
// stores as created_at, then the file hash), never by a timestamp high-water mark.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/journal.hpp"

namespace flick::migrate {

// One row of the bookkeeping table, with Flick's extra columns when Flick applied it.
struct AppliedRow {
  int id = 0;
  std::string hash;
  std::int64_t created_at = 0;
  std::optional<std::string> tag;         // Flick's table: the tag it had when applied
  std::optional<std::string> applied_at;  // Flick's table: ISO timestamp
  std::optional<std::int64_t> duration_ms;
};

enum class EntryState {
  kApplied,
  kPending,
  kEdited,  // applied, but the file's hash is no longer the recorded one
};

struct EntryStatus {
  store::JournalEntry entry;
  std::string file_hash;  // hex SHA-256 of the whole file; empty when the file is missing
  EntryState state = EntryState::kPending;
  std::optional<AppliedRow> row;
  // Pending although a later journal entry is applied, or its `when` is not newer than the
  // newest applied created_at: drizzle-orm's migrator would skip it silently.
  bool out_of_order = false;
};

struct FolderStatus {
  std::vector<EntryStatus> entries;      // journal order
  std::vector<AppliedRow> unknown_rows;  // applied rows no journal entry matches
};

// Matches `rows` to the journal's entries. `file_hashes[i]` is the hash of entry i's file.
FolderStatus match_applied(const std::vector<store::JournalEntry>& entries,
                           const std::vector<std::string>& file_hashes,
                           const std::vector<AppliedRow>& rows);

const char* to_string(EntryState state);

}  // namespace flick::migrate
