#pragma once

// What each migration of a folder changed, from the snapshots drizzle keeps beside the SQL
// files: the diff between the previous migration's snapshot and this one's.

#include <string>
#include <vector>

#include "diff/diff.hpp"
#include "store/folder.hpp"

namespace flick::docs {

struct MigrationChanges {
  std::vector<diff::Change> changes;  // in execution order
  // Set when the changes could not be worked out (snapshot missing or unreadable, diff
  // failed): why, in words. `changes` is then empty.
  std::string problem;
  // True when the previous snapshot is unusable and the changes are counted from an older one:
  // that of migration `since` (empty: from an empty database).
  bool from_older_snapshot = false;
  std::string since;
};

// One result per journal entry, in journal order. When a snapshot is missing or unreadable, the
// next migration is compared with the last usable one before it (and says so in `since`).
// Renames recorded in a snapshot's _meta are
// applied as rename hints; any remaining "dropped one, created another" stays a drop and a
// create. Never throws for a broken folder: problems are reported per entry.
std::vector<MigrationChanges> migration_changes(const store::MigrationFolder& folder);

// Splits drizzle's quoted, dotted spelling ("\"public\".\"users\"") into its names.
std::vector<std::string> split_quoted_name(const std::string& text);

}  // namespace flick::docs
