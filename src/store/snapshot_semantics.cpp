#include "store/snapshot_semantics.hpp"

#include <algorithm>

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

std::vector<PrimaryKeyNamedOtherwise> take_primary_keys_named_otherwise(
    const model::Catalog& snapshot, model::Catalog& other) {
  std::vector<PrimaryKeyNamedOtherwise> found;
  for (const model::Table& table : snapshot.tables) {
    if (table.primary_key) continue;
    auto marked = std::find_if(table.columns.begin(), table.columns.end(),
                               [](const model::Column& column) { return column.primary_key; });
    if (marked == table.columns.end()) continue;
    model::Table* counterpart = other.find_table(table.schema, table.name);
    if (counterpart == nullptr || !counterpart->primary_key ||
        counterpart->primary_key->name.empty() ||
        counterpart->primary_key->columns != std::vector<std::string>{marked->name}) {
      continue;
    }
    auto column = std::find_if(counterpart->columns.begin(), counterpart->columns.end(),
                               [&](const model::Column& c) { return c.name == marked->name; });
    if (column == counterpart->columns.end()) continue;
    found.push_back({table.schema, table.name, marked->name, counterpart->primary_key->name});
    counterpart->primary_key.reset();
    column->primary_key = true;
  }
  return found;
}

}  // namespace flick::store
