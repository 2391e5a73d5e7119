#pragma once

// check --fix for a migration that re-creates objects an earlier migration created.

#include <string>
#include <vector>

#include "ddl/replay.hpp"

namespace flick::check {

struct SqlRepair {
  bool changed = false;
  std::string sql;                   // the repaired text when changed
  std::vector<std::string> changes;  // what was edited, one line each
};

// Applies `sql` (the migration file `file`) to `replayer`. When a statement creates an object
// that already exists, the statement is removed if the object is already identical, else
// replaced by the statements that turn the existing object into the new definition; the edited
// text is then replayed for real. Throws flick::UserError when the migration still fails.
SqlRepair repair_recreations(ddl::Replayer& replayer, const std::string& sql,
                             const std::string& file, bool breakpoints);

}  // namespace flick::check
