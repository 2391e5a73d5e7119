#pragma once

// What a drizzle-kit snapshot means beyond what it spells out, for comparing it with a schema
// that came from elsewhere (the replayed SQL in check, the live database in drift).

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

}  // namespace flick::store
