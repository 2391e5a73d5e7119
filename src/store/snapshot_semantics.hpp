#pragma once

// What a drizzle-kit snapshot means beyond what it spells out, for comparing it with a schema
// that came from elsewhere (the replayed SQL in check, the live database in drift).

#include <string>
#include <vector>

#include "flick/model.hpp"

namespace flick::store {

// Makes `snapshot` and `other` comparable the way drizzle-kit means its snapshots:
// - a table with policies has row-level security enabled (drizzle-kit enables it, and writes
//   isRLSEnabled false);
// - a snapshot without any comment cannot hold comments (drizzle-kit's PostgreSQL snapshots have
//   no place for them), so `other`'s comments are no difference;
// - a snapshot whose objects were not recorded (a drizzle-kit snapshot: no objects file beside
//   it) says nothing about extensions, functions, triggers and comments on objects other than
//   tables and columns, so `other`'s are no difference.
void reconcile_with_drizzle_snapshot(model::Catalog& snapshot, model::Catalog& other,
                                     bool objects_recorded = false);

// A one-column primary key that a snapshot marks on its column, without a name (drizzle-kit and
// flick generate take it for "<table>_pkey"), which `other` has under another name: a table
// renamed by ALTER TABLE ... RENAME TO keeps its key's first name.
struct PrimaryKeyNamedOtherwise {
  std::string schema;
  std::string table;
  std::string column;
  std::string name;  // the name in `other`
};

// Finds those keys and marks each in `other` as the snapshot does, so it is no further
// difference; the caller says what each one means (check: a warning of its own).
std::vector<PrimaryKeyNamedOtherwise> take_primary_keys_named_otherwise(
    const model::Catalog& snapshot, model::Catalog& other);

}  // namespace flick::store
