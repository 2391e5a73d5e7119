#include "store/snapshot_semantics.hpp"

namespace flick::store {
namespace {

bool has_comments(const model::Catalog& catalog) {
  if (!catalog.comments.empty()) return true;
  for (const model::Table& table : catalog.tables) {
    if (table.comment) return true;
    for (const model::Column& column : table.columns) {
      if (column.comment) return true;
    }
  }
  return false;
}

}  // namespace

void reconcile_with_drizzle_snapshot(model::Catalog& snapshot, model::Catalog& other,
                                     bool objects_recorded) {
  for (model::Table& table : snapshot.tables) {
    if (!table.policies.empty()) table.rls_enabled = true;
  }
  if (!objects_recorded) {
    other.extensions.clear();
    other.domains.clear();
    other.composite_types.clear();
    other.range_types.clear();
    other.collations.clear();
    other.functions.clear();
    other.grants.clear();
    other.default_privileges.clear();
    other.comments.clear();  // kept in the objects file
    for (model::Table& table : other.tables) {
      table.triggers.clear();
      table.unlogged = false;
      table.partition_by.clear();
      table.partition_of.reset();
      table.inherits.clear();
      table.exclusions.clear();
      for (model::Column& column : table.columns) {
        column.collation.clear();
        column.inherited = false;
      }
    }
  }
  // A snapshot written while privileges were not managed says nothing about them.
  if (snapshot.roles.empty() && snapshot.grants.empty() && snapshot.default_privileges.empty() &&
      snapshot.owners.empty()) {
    model::strip_privileges(other);
  }
  if (has_comments(snapshot)) return;
  other.comments.clear();
  for (model::Table& table : other.tables) {
    table.comment.reset();
    for (model::Column& column : table.columns) column.comment.reset();
  }
}

}  // namespace flick::store
