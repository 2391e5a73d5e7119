// Catalog edits the replay handlers share: constraints by name, whole tables, indexes by name,
// sequence option merges.

#include <algorithm>

#include "ddl/options.hpp"
#include "ddl/replay_internal.hpp"

namespace flick::ddl {

std::string primary_key_name(const model::Table& table) {
  if (table.primary_key) {
    return table.primary_key->name.empty() ? sqlparse::implicit_name(table.name, {}, "pkey")
                                           : table.primary_key->name;
  }
  for (const model::Column& column : table.columns) {
    if (column.primary_key) return sqlparse::implicit_name(table.name, {}, "pkey");
  }
  return "";
}

bool has_constraint(const model::Table& table, const std::string& name) {
  auto named = [&](const auto& item) { return item.name == name; };
  return primary_key_name(table) == name ||
         std::any_of(table.uniques.begin(), table.uniques.end(), named) ||
         std::any_of(table.foreign_keys.begin(), table.foreign_keys.end(), named) ||
         std::any_of(table.checks.begin(), table.checks.end(), named) ||
         std::any_of(table.exclusions.begin(), table.exclusions.end(), named);
}

bool remove_constraint(model::Table& table, const std::string& name, CatalogBuilder& builder) {
  if (!name.empty() && primary_key_name(table) == name) {
    table.primary_key.reset();
    for (model::Column& column : table.columns) column.primary_key = false;
    builder.release_relation_name(table.schema, name);
    builder.release_constraint_name(table.schema, name);
    return true;
  }
  auto named = [&](const auto& item) { return item.name == name; };
  std::size_t removed = std::erase_if(table.uniques, named);
  removed += std::erase_if(table.exclusions, named);
  if (removed != 0) builder.release_relation_name(table.schema, name);
  removed += std::erase_if(table.foreign_keys, named);
  removed += std::erase_if(table.checks, named);
  if (removed != 0) builder.release_constraint_name(table.schema, name);
  return removed != 0;
}

model::Table remove_table(CatalogBuilder& builder, const std::string& schema,
                          const std::string& name) {
  // A partitioned table's partitions go with it.
  std::vector<std::pair<std::string, std::string>> partitions;
  for (const model::Table& table : builder.catalog().tables) {
    if (table.partition_of && table.partition_of->schema == schema &&
        table.partition_of->name == name) {
      partitions.emplace_back(table.schema, table.name);
    }
  }
  for (const auto& [partition_schema, partition_name] : partitions) {
    remove_table(builder, partition_schema, partition_name);
  }
  auto& tables = builder.catalog().tables;
  auto it = std::find_if(tables.begin(), tables.end(), [&](const model::Table& t) {
    return t.schema == schema && t.name == name;
  });
  model::Table removed = std::move(*it);
  tables.erase(it);
  std::string triggers = "trigger " + schema + "." + name + ".";
  std::erase_if(builder.other_objects(),
                [&](const std::string& key) { return key.rfind(triggers, 0) == 0; });
  builder.reindex_tables();
  builder.release_relation_name(schema, name);
  for (const model::Index& index : removed.indexes)
    builder.release_relation_name(schema, index.name);
  std::string key = primary_key_name(removed);
  if (!key.empty()) {
    builder.release_relation_name(schema, key);
    builder.release_constraint_name(schema, key);
  }
  for (const auto& unique : removed.uniques) {
    builder.release_relation_name(schema, unique.name);
    builder.release_constraint_name(schema, unique.name);
  }
  for (const auto& check : removed.checks) builder.release_constraint_name(schema, check.name);
  for (const auto& exclusion : removed.exclusions) {
    builder.release_relation_name(schema, exclusion.name);
    builder.release_constraint_name(schema, exclusion.name);
  }
  for (const auto& fk : removed.foreign_keys) builder.release_constraint_name(schema, fk.name);
  for (model::Table& other : tables) {
    std::erase_if(other.foreign_keys, [&](const model::ForeignKey& k) {
      bool gone = k.ref_schema == schema && k.ref_table == name;
      if (gone) builder.release_constraint_name(other.schema, k.name);
      return gone;
    });
  }
  return removed;
}

model::Index* find_index(CatalogBuilder& builder, const std::string& schema,
                         const std::string& name, std::vector<model::Index>** owner) {
  auto search = [&](std::vector<model::Index>& indexes) -> model::Index* {
    for (model::Index& index : indexes) {
      if (index.name != name) continue;
      if (owner != nullptr) *owner = &indexes;
      return &index;
    }
    return nullptr;
  };
  for (model::Table& candidate : builder.catalog().tables) {
    if (candidate.schema != schema) continue;
    if (model::Index* index = search(candidate.indexes)) return index;
  }
  for (model::View& view : builder.catalog().views) {
    if (view.schema != schema) continue;
    if (model::Index* index = search(view.indexes)) return index;
  }
  return nullptr;
}

}  // namespace flick::ddl
