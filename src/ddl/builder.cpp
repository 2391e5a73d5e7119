#include "ddl/builder.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "flick/error.hpp"
#include "sqlparse/sqlparse.hpp"

namespace flick::ddl {

std::string Source::position(int location) const {
  return parsed_.position(location >= 0 ? base_ + static_cast<std::size_t>(location)
                                        : statement_offset_);
}

void Source::fail(int location, const std::string& message) const {
  throw UserError(position(location) + ": " + message);
}

void Source::unsupported(int location, const std::string& message) const {
  throw UnsupportedStatement(position(location) + ": " + message);
}

QualifiedName qualified_name(const PgQuery__RangeVar* range, const Source& source) {
  if (sqlparse::is_set(range->catalogname)) {
    source.fail(range->location,
                fmt::format("database-qualified name {}.{}.{} is not supported", range->catalogname,
                            range->schemaname, range->relname));
  }
  return {sqlparse::is_set(range->schemaname) ? range->schemaname : source.default_schema(),
          range->relname};
}

QualifiedName qualified_name(Node** names, std::size_t count, int location, const Source& source) {
  std::vector<std::string> parts = string_list(names, count);
  if (parts.size() == 1) return {source.default_schema(), parts[0]};
  if (parts.size() == 2) return {parts[0], parts[1]};
  source.fail(location, "database-qualified names are not supported");
}

QualifiedName object_name(const Node* object, const Source& source) {
  switch (object->node_case) {
    case PG_QUERY__NODE__NODE_LIST:
      return qualified_name(object->list->items, object->list->n_items, -1, source);
    case PG_QUERY__NODE__NODE_TYPE_NAME:
      return qualified_name(object->type_name->names, object->type_name->n_names,
                            object->type_name->location, source);
    case PG_QUERY__NODE__NODE_STRING:
      return {"", sqlparse::string_value(object)};
    default:
      source.unsupported(-1, "unsupported object name " + sqlparse::node_kind(object));
  }
}

std::vector<std::string> string_list(Node** items, std::size_t count) {
  std::vector<std::string> strings;
  strings.reserve(count);
  for (std::size_t i = 0; i < count; ++i) strings.emplace_back(sqlparse::string_value(items[i]));
  return strings;
}

namespace {

std::string table_key(const std::string& schema, const std::string& name) {
  return schema + '\x1f' + name;
}

}  // namespace

model::Table& CatalogBuilder::add_table(model::Table table) {
  // A new table has no constraints yet, whatever a table of that name dropped earlier had.
  auto& constraints = names_[table.schema].table_constraints;
  constraints.erase(constraints.lower_bound({table.name, ""}),
                    constraints.lower_bound({table.name + '\0', ""}));
  table_index_[table_key(table.schema, table.name)] = catalog_.tables.size();
  catalog_.tables.push_back(std::move(table));
  return catalog_.tables.back();
}

model::Table* CatalogBuilder::find_table(const std::string& schema, const std::string& name) {
  return const_cast<model::Table*>(std::as_const(*this).find_table(schema, name));
}

const model::Table* CatalogBuilder::find_table(const std::string& schema,
                                               const std::string& name) const {
  auto it = table_index_.find(table_key(schema, name));
  return it == table_index_.end() ? nullptr : &catalog_.tables[it->second];
}

void CatalogBuilder::note_assumed(const std::string& key) {
  if (std::find(assumed_existing_.begin(), assumed_existing_.end(), key) ==
      assumed_existing_.end()) {
    assumed_existing_.push_back(key);
  }
}

void CatalogBuilder::assume_existing(const std::string& kind, const QualifiedName& name,
                                     const std::string& position) {
  note_assumed(kind + " " + name.schema + "." + name.name);
  throw ProvidedElsewhere(
      fmt::format("{}: {} \"{}\".\"{}\" is provided elsewhere (not created by "
                  "the migrations)",
                  position, kind, name.schema, name.name));
}

model::Table& CatalogBuilder::table(const QualifiedName& name, int location, const Source& source) {
  model::Table* table = find_table(name.schema, name.name);
  if (table == nullptr && provided_elsewhere(name.schema)) {
    assume_existing("table", name, source.position(location));
  }
  if (table == nullptr) {
    source.fail(location, fmt::format("table \"{}\".\"{}\" is not defined (tables must be created "
                                      "before statements that refer to them)",
                                      name.schema, name.name));
  }
  return *table;
}

bool CatalogBuilder::claim_relation_name(const std::string& schema, const std::string& name) {
  return names_[schema].relations.insert(name).second;
}

bool CatalogBuilder::claim_constraint_name(const std::string& schema, const std::string& name) {
  return names_[schema].constraints.insert(name).second;
}

bool CatalogBuilder::claim_table_constraint_name(const std::string& schema,
                                                 const std::string& table,
                                                 const std::string& name) {
  return names_[schema].table_constraints.emplace(table, name).second;
}

std::string CatalogBuilder::choose_relation_name(const std::string& schema,
                                                 const std::string& table,
                                                 const std::vector<std::string>& columns,
                                                 const std::string& suffix, bool is_constraint) {
  Names& names = names_[schema];
  for (int pass = 0;; ++pass) {
    std::string candidate =
        sqlparse::implicit_name(table, columns, pass == 0 ? suffix : suffix + std::to_string(pass));
    if (names.relations.count(candidate) != 0) continue;
    if (is_constraint && names.constraints.count(candidate) != 0) continue;
    names.relations.insert(candidate);
    if (is_constraint) names.constraints.insert(candidate);
    return candidate;
  }
}

std::string CatalogBuilder::choose_constraint_name(const std::string& schema,
                                                   const std::string& table,
                                                   const std::vector<std::string>& columns,
                                                   const std::string& suffix) {
  Names& names = names_[schema];
  for (int pass = 0;; ++pass) {
    std::string candidate =
        sqlparse::implicit_name(table, columns, pass == 0 ? suffix : suffix + std::to_string(pass));
    if (names.constraints.insert(candidate).second) return candidate;
  }
}

void CatalogBuilder::defer_user_type(const std::string& schema, const std::string& table,
                                     const std::string& column, std::string position) {
  deferred_types_.push_back({schema, table, column, std::move(position)});
}

void CatalogBuilder::defer_foreign_key(const std::string& schema, const std::string& table,
                                       std::size_t index, std::string position) {
  deferred_foreign_keys_.push_back({schema, table, index, std::move(position)});
}

void CatalogBuilder::use_schema(const std::string& schema, std::string position) {
  if (schema != model::kDefaultSchema) used_schemas_.emplace_back(schema, std::move(position));
}

void CatalogBuilder::resolve_user_type(const DeferredType& deferred) {
  model::Table* table = find_table(deferred.schema, deferred.table);
  auto column = std::find_if(table->columns.begin(), table->columns.end(),
                             [&](const model::Column& c) { return c.name == deferred.column; });
  std::string base = column->type.substr(0, column->type.find('['));
  std::string schema = column->type_schema.empty() ? model::kDefaultSchema : column->type_schema;
  if (catalog_.find_domain(schema, base) != nullptr ||
      catalog_.find_composite_type(schema, base) != nullptr ||
      catalog_.find_range_type(schema, base) != nullptr ||
      catalog_.find_multirange_type(schema, base) != nullptr) {
    column->type_schema = schema;  // as PostgreSQL reports it
    return;
  }
  if (catalog_.find_enum(schema, base) == nullptr) {
    // A domain, composite or extension type keeps the schema as written (drizzle's typeSchema
    // is for enums only).
    if (accepts_other_type(schema, base)) return;
    throw UserError(
        fmt::format("{}: type \"{}\".\"{}\" of column \"{}\".\"{}\" is neither a "
                    "built-in type nor an enum created with CREATE TYPE ... AS ENUM",
                    deferred.position, schema, base, deferred.table, deferred.column));
  }
  column->type_schema = schema;
}

void CatalogBuilder::resolve_foreign_key(const DeferredForeignKey& deferred) {
  model::ForeignKey& key =
      find_table(deferred.schema, deferred.table)->foreign_keys[deferred.index];
  const model::Table* target = find_table(key.ref_schema, key.ref_table);
  if (target == nullptr && provided_elsewhere(key.ref_schema)) {
    note_assumed("table " + key.ref_schema + "." + key.ref_table);
    return;  // taken as written: the database has the table
  }
  if (target == nullptr) {
    throw UserError(
        fmt::format("{}: foreign key \"{}\" references table \"{}\".\"{}\", which is "
                    "not defined",
                    deferred.position, key.name, key.ref_schema, key.ref_table));
  }
  if (key.ref_columns.empty()) {
    if (target->primary_key) {
      key.ref_columns = target->primary_key->columns;
    } else {
      for (const model::Column& column : target->columns) {
        if (column.primary_key) key.ref_columns.push_back(column.name);
      }
    }
    if (key.ref_columns.empty()) {
      throw UserError(
          fmt::format("{}: foreign key \"{}\" names no columns and table \"{}\".\"{}\" "
                      "has no primary key",
                      deferred.position, key.name, key.ref_schema, key.ref_table));
    }
  }
  for (const std::string& name : key.ref_columns) {
    if (model::find_column(*target, name) == nullptr) {
      throw UserError(
          fmt::format("{}: foreign key \"{}\" references column \"{}\", which table "
                      "\"{}\".\"{}\" does not have",
                      deferred.position, key.name, name, key.ref_schema, key.ref_table));
    }
  }
  if (key.ref_columns.size() != key.columns.size()) {
    throw UserError(fmt::format("{}: foreign key \"{}\" has {} columns but references {}",
                                deferred.position, key.name, key.columns.size(),
                                key.ref_columns.size()));
  }
}

void CatalogBuilder::resolve_deferred() {
  auto used_schemas = std::move(used_schemas_);
  auto deferred_types = std::move(deferred_types_);
  auto deferred_foreign_keys = std::move(deferred_foreign_keys_);
  clear_deferred();
  for (const auto& [schema, position] : used_schemas) {
    if (std::find(catalog_.schemas.begin(), catalog_.schemas.end(), schema) ==
            catalog_.schemas.end() &&
        !provided_elsewhere(schema)) {
      throw UserError(fmt::format("{}: schema \"{}\" does not exist", position, schema));
    }
  }
  for (const DeferredType& deferred : deferred_types) resolve_user_type(deferred);
  for (const DeferredForeignKey& deferred : deferred_foreign_keys) resolve_foreign_key(deferred);
}

void CatalogBuilder::clear_deferred() {
  used_schemas_.clear();
  deferred_types_.clear();
  deferred_foreign_keys_.clear();
}

bool CatalogBuilder::accepts_other_type(const std::string& schema, const std::string& name) const {
  if (!catalog_.extensions.empty()) return true;  // a type an extension may bring
  if (catalog_.find_domain(schema, name) != nullptr) return true;
  if (catalog_.find_composite_type(schema, name) != nullptr) return true;
  if (catalog_.find_range_type(schema, name) != nullptr) return true;
  if (catalog_.find_multirange_type(schema, name) != nullptr) return true;
  return other_types_allowed_ && other_objects_.count("type " + schema + "." + name) != 0;
}

void CatalogBuilder::reindex_tables() {
  table_index_.clear();
  for (std::size_t i = 0; i < catalog_.tables.size(); ++i) {
    table_index_[table_key(catalog_.tables[i].schema, catalog_.tables[i].name)] = i;
  }
}

void CatalogBuilder::release_relation_name(const std::string& schema, const std::string& name) {
  names_[schema].relations.erase(name);
}

void CatalogBuilder::release_constraint_name(const std::string& schema, const std::string& name) {
  names_[schema].constraints.erase(name);
}

void CatalogBuilder::own_sequence(const QualifiedName& sequence, const QualifiedName& table,
                                  std::string column, std::string position) {
  owned_sequences_.push_back({sequence.schema, sequence.name, table.schema, table.name,
                              std::move(column), std::move(position)});
}

void CatalogBuilder::fold_owned_sequences() {
  for (const OwnedSequence& owned : owned_sequences_) {
    model::Table* table = find_table(owned.table_schema, owned.table);
    if (table == nullptr) {
      throw UserError(fmt::format("{}: OWNED BY names table \"{}\".\"{}\", which is not created",
                                  owned.position, owned.table_schema, owned.table));
    }
    auto column = std::find_if(table->columns.begin(), table->columns.end(),
                               [&](const model::Column& c) { return c.name == owned.column; });
    if (column == table->columns.end()) {
      throw UserError(fmt::format("{}: OWNED BY names column \"{}\" that table \"{}\" lacks",
                                  owned.position, owned.column, owned.table));
    }
    std::string serial = model::serial_type_of(column->type);
    if (serial.empty() || !model::defaults_to_nextval_of(*column, owned.schema, owned.name)) {
      continue;  // a sequence that merely belongs to the column: it stays a sequence
    }
    auto& sequences = catalog_.sequences;
    auto sequence = std::find_if(sequences.begin(), sequences.end(), [&](const model::Sequence& s) {
      return s.schema == owned.schema && s.name == owned.name;
    });
    if (sequence == sequences.end()) continue;
    column->type = serial;
    column->default_expr.reset();
    sequences.erase(sequence);
  }
  owned_sequences_.clear();
}

void CatalogBuilder::attach_partition(const QualifiedName& parent, const QualifiedName& child,
                                      std::string bound, const std::string& position) {
  model::Table* parent_table = find_table(parent.schema, parent.name);
  model::Table* child_table = find_table(child.schema, child.name);
  if (parent_table == nullptr || child_table == nullptr) {
    const QualifiedName& missing = parent_table == nullptr ? parent : child;
    throw UserError(fmt::format("{}: table \"{}\".\"{}\" is not created", position, missing.schema,
                                missing.name));
  }
  if (parent_table->partition_by.empty()) {
    throw UserError(fmt::format("{}: table \"{}\".\"{}\" is not partitioned", position,
                                parent.schema, parent.name));
  }
  if (child_table->partition_of) {
    throw UserError(fmt::format("{}: \"{}\".\"{}\" is already a partition", position, child.schema,
                                child.name));
  }
  child_table->partition_of = model::PartitionOf{parent.schema, parent.name, std::move(bound)};
  // ATTACH PARTITION attaches the table's own key, unique constraints, indexes and foreign keys
  // that match the parent's: from then on they are the parent's (the reverse of a detach).
  auto release = [&](const std::string& name) { release_relation_name(child.schema, name); };
  if (child_table->primary_key && parent_table->primary_key &&
      child_table->primary_key->columns == parent_table->primary_key->columns) {
    release(child_table->primary_key->name);
    child_table->primary_key.reset();
  }
  std::erase_if(child_table->uniques, [&](const model::UniqueConstraint& unique) {
    bool matches = std::any_of(parent_table->uniques.begin(), parent_table->uniques.end(),
                               [&](const model::UniqueConstraint& p) {
                                 return p.columns == unique.columns &&
                                        p.nulls_not_distinct == unique.nulls_not_distinct;
                               });
    if (matches) release(unique.name);
    return matches;
  });
  std::erase_if(child_table->indexes, [&](const model::Index& index) {
    bool matches = std::any_of(parent_table->indexes.begin(), parent_table->indexes.end(),
                               [&](const model::Index& p) {
                                 model::Index renamed = index;
                                 renamed.name = p.name;
                                 renamed.concurrently = p.concurrently;
                                 return renamed == p;
                               });
    if (matches) release(index.name);
    return matches;
  });
  std::erase_if(child_table->foreign_keys, [&](const model::ForeignKey& key) {
    return std::any_of(parent_table->foreign_keys.begin(), parent_table->foreign_keys.end(),
                       [&](const model::ForeignKey& p) {
                         model::ForeignKey renamed = key;
                         renamed.name = p.name;
                         return renamed == p;
                       });
  });
}

void CatalogBuilder::detach_partition(const QualifiedName& parent, const QualifiedName& child,
                                      const std::string& position) {
  model::Table* child_table = find_table(child.schema, child.name);
  if (child_table == nullptr || !child_table->partition_of ||
      child_table->partition_of->schema != parent.schema ||
      child_table->partition_of->name != parent.name) {
    throw UserError(fmt::format("{}: \"{}\".\"{}\" is not a partition of \"{}\".\"{}\"", position,
                                child.schema, child.name, parent.schema, parent.name));
  }
  // What it had from its parent becomes its own (and its names are taken in the schema).
  model::Table detached = sqlparse::detached_partition(catalog_, *child_table);
  if (detached.primary_key && !child_table->primary_key) {
    claim_relation_name(child.schema, detached.primary_key->name);
  }
  for (std::size_t i = child_table->uniques.size(); i < detached.uniques.size(); ++i) {
    claim_relation_name(child.schema, detached.uniques[i].name);
  }
  for (std::size_t i = child_table->indexes.size(); i < detached.indexes.size(); ++i) {
    claim_relation_name(child.schema, detached.indexes[i].name);
  }
  *child_table = std::move(detached);
  child_table->partition_of.reset();
}

void CatalogBuilder::inherit(const QualifiedName& child, const QualifiedName& parent,
                             const std::string& position) {
  model::Table* child_table = find_table(child.schema, child.name);
  const model::Table* parent_table = find_table(parent.schema, parent.name);
  if (child_table == nullptr || parent_table == nullptr) {
    const QualifiedName& missing = child_table == nullptr ? child : parent;
    throw UserError(fmt::format("{}: table \"{}\".\"{}\" is not created", position, missing.schema,
                                missing.name));
  }
  for (const model::Table* table : {static_cast<const model::Table*>(child_table), parent_table}) {
    if (!table->partition_by.empty() || table->partition_of) {
      throw UserError(fmt::format(
          "{}: \"{}\".\"{}\" is partitioned or a partition, which PostgreSQL does not let "
          "inherit or be inherited",
          position, table->schema, table->name));
    }
  }
  model::TableParent link{parent.schema, parent.name};
  if (std::find(child_table->inherits.begin(), child_table->inherits.end(), link) !=
      child_table->inherits.end()) {
    throw UserError(fmt::format("{}: \"{}\".\"{}\" already inherits from \"{}\".\"{}\"", position,
                                child.schema, child.name, parent.schema, parent.name));
  }
  for (const model::Column& column : parent_table->columns) {
    const model::Column* own = model::find_column(*child_table, column.name);
    if (own == nullptr || own->type != column.type || own->type_schema != column.type_schema ||
        (column.not_null && !own->not_null)) {
      throw UserError(fmt::format(
          "{}: \"{}\".\"{}\" cannot inherit from \"{}\".\"{}\": its column \"{}\" is {}", position,
          child.schema, child.name, parent.schema, parent.name, column.name,
          own == nullptr
              ? "missing"
              : fmt::format("not {}{}", column.type, column.not_null ? " NOT NULL" : "")));
    }
  }
  child_table->inherits.push_back(std::move(link));
  settle_inherited_columns();
}

void CatalogBuilder::no_inherit(const QualifiedName& child, const QualifiedName& parent,
                                const std::string& position) {
  model::Table* child_table = find_table(child.schema, child.name);
  model::TableParent link{parent.schema, parent.name};
  auto it = child_table == nullptr
                ? std::vector<model::TableParent>::iterator{}
                : std::find(child_table->inherits.begin(), child_table->inherits.end(), link);
  if (child_table == nullptr || it == child_table->inherits.end()) {
    throw UserError(fmt::format("{}: \"{}\".\"{}\" does not inherit from \"{}\".\"{}\"", position,
                                child.schema, child.name, parent.schema, parent.name));
  }
  child_table->inherits.erase(it);
  // The CHECKs it had from that parent are its own now.
  if (const model::Table* parent_table = find_table(parent.schema, parent.name)) {
    for (const model::CheckConstraint& check : parent_table->checks) {
      bool has = std::any_of(child_table->checks.begin(), child_table->checks.end(),
                             [&](const model::CheckConstraint& c) { return c.name == check.name; });
      if (!has) child_table->checks.push_back(check);
    }
  }
  // A column another parent still gives stays inherited; the rest are the child's own now.
  for (model::Column& column : child_table->columns) {
    if (!column.inherited) continue;
    bool still_given = false;
    for (const model::TableParent& other : child_table->inherits) {
      const model::Table* other_table = find_table(other.schema, other.name);
      still_given =
          still_given || (other_table != nullptr && model::find_column(*other_table, column.name));
    }
    column.inherited = still_given;
  }
  settle_inherited_columns();
}

void CatalogBuilder::settle_inherited_columns() { model::copy_inherited_columns(catalog_); }

void CatalogBuilder::attach_index(const std::string& schema, const std::string& child_index) {
  for (model::Table& table : catalog_.tables) {
    if (table.schema != schema) continue;
    std::size_t before = table.indexes.size() + table.uniques.size();
    std::erase_if(table.indexes, [&](const model::Index& i) { return i.name == child_index; });
    std::erase_if(table.uniques,
                  [&](const model::UniqueConstraint& u) { return u.name == child_index; });
    if (table.primary_key && table.primary_key->name == child_index) {
      table.primary_key.reset();
      for (model::Column& column : table.columns) column.primary_key = false;
      return;
    }
    if (before != table.indexes.size() + table.uniques.size()) return;
  }
}

namespace {

// The primary key's columns, declared inline or not; empty without one.
std::vector<std::string> key_columns(const model::Table& table) {
  if (table.primary_key) return table.primary_key->columns;
  for (const model::Column& column : table.columns) {
    if (column.primary_key) return {column.name};
  }
  return {};
}

// Two indexes alike but for their names.
bool same_index(model::Index a, model::Index b) {
  a.name.clear();
  b.name.clear();
  return a == b;
}

}  // namespace

void CatalogBuilder::fold_partitions() {
  for (model::Table& child : catalog_.tables) {
    if (!child.partition_of) continue;
    const model::Table* parent = find_table(child.partition_of->schema, child.partition_of->name);
    if (parent == nullptr) continue;
    std::vector<std::string> parent_key = key_columns(*parent);
    if (!parent_key.empty() && key_columns(child) == parent_key) {
      child.primary_key.reset();
      for (model::Column& column : child.columns) column.primary_key = false;
    }
    std::erase_if(child.uniques, [&](const model::UniqueConstraint& u) {
      return std::any_of(
          parent->uniques.begin(), parent->uniques.end(), [&](const model::UniqueConstraint& p) {
            return p.columns == u.columns && p.nulls_not_distinct == u.nulls_not_distinct;
          });
    });
    std::erase_if(child.checks, [&](const model::CheckConstraint& c) {
      return std::find(parent->checks.begin(), parent->checks.end(), c) != parent->checks.end();
    });
    std::erase_if(child.exclusions, [&](const model::ExclusionConstraint& e) {
      return std::any_of(
          parent->exclusions.begin(), parent->exclusions.end(),
          [&](const model::ExclusionConstraint& p) { return p.definition == e.definition; });
    });
    std::erase_if(child.foreign_keys, [&](const model::ForeignKey& k) {
      return std::any_of(parent->foreign_keys.begin(), parent->foreign_keys.end(),
                         [&](const model::ForeignKey& p) {
                           return p.columns == k.columns && p.ref_schema == k.ref_schema &&
                                  p.ref_table == k.ref_table && p.ref_columns == k.ref_columns &&
                                  p.on_delete == k.on_delete && p.on_update == k.on_update;
                         });
    });
    std::erase_if(child.indexes, [&](const model::Index& index) {
      return std::any_of(parent->indexes.begin(), parent->indexes.end(),
                         [&](const model::Index& p) { return same_index(p, index); });
    });
    std::erase_if(child.triggers, [&](const model::Trigger& trigger) {
      return std::any_of(parent->triggers.begin(), parent->triggers.end(),
                         [&](const model::Trigger& p) { return p.name == trigger.name; });
    });
  }
}

model::Catalog CatalogBuilder::finish() {
  for (const auto& [schema, position] : used_schemas_) {
    if (std::find(catalog_.schemas.begin(), catalog_.schemas.end(), schema) ==
        catalog_.schemas.end()) {
      throw UserError(
          fmt::format("{}: schema \"{}\" is not created by any CREATE SCHEMA", position, schema));
    }
  }
  for (const DeferredType& deferred : deferred_types_) resolve_user_type(deferred);
  for (const DeferredForeignKey& deferred : deferred_foreign_keys_) resolve_foreign_key(deferred);
  fold_owned_sequences();
  prune_owners(catalog_);  // a sequence folded into its serial column follows its table's owner
  fold_partitions();
  model::copy_partition_columns(catalog_);
  model::copy_inherited_columns(catalog_);
  model::normalise(catalog_);
  return std::move(catalog_);
}

}  // namespace flick::ddl
