#pragma once

// What each migration of a folder changed: its SQL replayed by the one interpreter of migration
// SQL (check::replay_migrations), the schema before it compared with the schema after it.

#include <string>
#include <vector>

#include "diff/diff.hpp"
#include "store/folder.hpp"

namespace flick::docs {

struct MigrationChanges {
  // What it changed, in execution order, each in words (docs::describe): a diff::Change refers
  // to the replayed schema, which does not outlive the replay.
  std::vector<std::string> changes;
  // What the replay could not follow in this migration ("<file>:<line>: ..."), and what it did
  // to objects the model does not hold ("creates function ..."): `changes` leaves those out.
  std::vector<std::string> not_followed;
  std::vector<std::string> other_objects;
  std::size_t data_statements = 0;  // INSERT, UPDATE, DELETE, COPY, ...
};

// One result per journal entry, in journal order. Renames the SQL makes are renames; a drop and
// a create stay a drop and a create. Never throws for a broken folder: problems are reported
// per entry.
std::vector<MigrationChanges> migration_changes(const store::MigrationFolder& folder,
                                                const std::string& search_path = "public");

// Splits drizzle's quoted, dotted spelling ("\"public\".\"users\"") into its names.
std::vector<std::string> split_quoted_name(const std::string& text);

}  // namespace flick::docs
