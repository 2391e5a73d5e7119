#pragma once

// flick check --fix: repairs what is mechanical in a migration folder and says what it changed.

#include <filesystem>
#include <string>
#include <vector>

namespace flick::check {

struct FixResult {
  std::vector<std::string> changes;  // one line per change, in the order they were decided
};

// Repairs the folder `out`:
//  - a branch collision (two snapshots with the same prevId) becomes a line: the branch that
//    comes first in the journal stays, the other one's migrations move after it (files, tags and
//    idx renumbered), prevIds are relinked and the moved snapshots rebuilt from replay;
//  - a migration that re-creates objects an earlier one created is edited: a statement that
//    creates an object already there identically is removed, one that defines it differently is
//    replaced by the statements that turn the existing object into the new one;
//  - a missing snapshot is rebuilt from replay (new id, prevId the previous snapshot's id, the
//    next snapshot's prevId relinked);
//  - journal `when` values are made strictly increasing (a later entry is moved just past the
//    one before it, so drizzle-orm's migrator no longer skips it).
// JSON files keep the folder's layout. With `dry_run` nothing is written. Throws
// flick::UserError when the folder cannot be repaired mechanically (a missing SQL file, a
// statement that still fails after the edits), writing nothing. `schema_filter`: as
// check_folder's (objects of other schemas the migrations use are taken to exist).
FixResult fix_folder(const std::filesystem::path& out, bool dry_run,
                     const std::vector<std::string>& schema_filter = {});

}  // namespace flick::check
