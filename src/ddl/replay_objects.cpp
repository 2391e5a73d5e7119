// DROP, RENAME, SET SCHEMA, ALTER TYPE ... VALUE, ALTER SEQUENCE and ALTER POLICY, replayed onto
// the catalog.

#include <fmt/format.h>

#include <algorithm>

#include "ddl/options.hpp"
#include "ddl/replay_internal.hpp"
#include "flick/error.hpp"

namespace flick::ddl {
namespace {

using sqlparse::is_set;

std::string object_type_name(PgQuery__ObjectType type) {
  const ProtobufCEnumValue* value =
      protobuf_c_enum_descriptor_get_value(&pg_query__object_type__descriptor, type);
  std::string name = value == nullptr ? std::to_string(type) : value->name;
  return name.rfind("OBJECT_", 0) == 0 ? name.substr(7) : name;
}

[[noreturn]] void missing(CatalogBuilder& builder, const Source& source, const std::string& kind,
                          const QualifiedName& name) {
  if (builder.provided_elsewhere(name.schema)) {
    builder.assume_existing(kind, name, source.position(-1));
  }
  source.fail(-1, fmt::format("{} \"{}\".\"{}\" does not exist", kind, name.schema, name.name));
}

template <typename T>
typename std::vector<T>::iterator find_named(std::vector<T>& items, const QualifiedName& name) {
  return std::find_if(items.begin(), items.end(), [&](const T& item) {
    return item.schema == name.schema && item.name == name.name;
  });
}

// Columns whose type is the enum `from` take the enum's new schema and name.
void retarget_enum_columns(model::Catalog& catalog, const QualifiedName& from,
                           const QualifiedName& to) {
  for (model::Table& table : catalog.tables) {
    for (model::Column& column : table.columns) {
      std::size_t bracket = column.type.find('[');
      std::string base = column.type.substr(0, bracket);
      std::string schema = column.type_schema.empty() ? "" : column.type_schema;
      if (base != from.name || schema != from.schema) continue;
      column.type = to.name + (bracket == std::string::npos ? "" : column.type.substr(bracket));
      column.type_schema = to.schema;
    }
  }
}

// Foreign keys that point at table `from`, and partitions of it, point at `to`.
void retarget_references(model::Catalog& catalog, const QualifiedName& from,
                         const QualifiedName& to) {
  for (model::Table& table : catalog.tables) {
    for (model::ForeignKey& key : table.foreign_keys) {
      if (key.ref_schema == from.schema && key.ref_table == from.name) {
        key.ref_schema = to.schema;
        key.ref_table = to.name;
      }
    }
    if (table.partition_of && table.partition_of->schema == from.schema &&
        table.partition_of->name == from.name) {
      table.partition_of->schema = to.schema;
      table.partition_of->name = to.name;
    }
  }
}

void rename_in(std::vector<std::string>& names, const std::string& from, const std::string& to) {
  for (std::string& name : names) {
    if (name == from) name = to;
  }
}

void drop_schema(CatalogBuilder& builder, const std::string& name, bool cascade,
                 const Source& source) {
  model::Catalog& catalog = builder.catalog();
  auto in_schema = [&](const auto& item) { return item.schema == name; };
  bool used = std::any_of(catalog.tables.begin(), catalog.tables.end(), in_schema) ||
              std::any_of(catalog.enums.begin(), catalog.enums.end(), in_schema) ||
              std::any_of(catalog.sequences.begin(), catalog.sequences.end(), in_schema) ||
              std::any_of(catalog.views.begin(), catalog.views.end(), in_schema);
  if (used && !cascade) {
    source.fail(-1, fmt::format("cannot drop schema \"{}\": objects depend on it", name));
  }
  std::vector<std::string> tables;
  for (const model::Table& table : catalog.tables) {
    if (table.schema == name) tables.push_back(table.name);
  }
  for (const std::string& table : tables) remove_table(builder, name, table);
  std::erase_if(catalog.enums, in_schema);
  std::erase_if(catalog.sequences, in_schema);
  std::erase_if(catalog.views, in_schema);
  std::erase(catalog.schemas, name);
}

void drop_one(PgQuery__DropStmt& statement, const Node* object, const Source& source,
              ReplayState& state) {
  CatalogBuilder& builder = state.builder;
  model::Catalog& catalog = builder.catalog();
  bool cascade = statement.behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
  bool missing_ok = statement.missing_ok;
  switch (statement.remove_type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE: {
      QualifiedName name = object_name(object, source);
      if (builder.find_table(name.schema, name.name) == nullptr) {
        if (state.temporary_names != nullptr && state.temporary_names->erase(name.name) != 0) {
          return;  // a temporary table made by CREATE TEMP TABLE ... AS
        }
        if (missing_ok) return;
        missing(builder, source, "table", name);
      }
      remove_table(builder, name.schema, name.name);
      return;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW: {
      QualifiedName name = object_name(object, source);
      auto it = find_named(catalog.views, name);
      if (it == catalog.views.end()) {
        if (missing_ok) return;
        missing(builder, source, "view", name);
      }
      for (const model::Index& index : it->indexes) {
        builder.release_relation_name(name.schema, index.name);
      }
      catalog.views.erase(it);
      builder.release_relation_name(name.schema, name.name);
      return;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE: {
      QualifiedName name = object_name(object, source);
      auto it = find_named(catalog.enums, name);
      if (it == catalog.enums.end()) {
        if (missing_ok) return;
        missing(builder, source, "type", name);
      }
      catalog.enums.erase(it);
      return;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE: {
      QualifiedName name = object_name(object, source);
      auto it = find_named(catalog.sequences, name);
      if (it == catalog.sequences.end()) {
        if (missing_ok) return;
        missing(builder, source, "sequence", name);
      }
      catalog.sequences.erase(it);
      builder.release_relation_name(name.schema, name.name);
      return;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA: {
      std::string name = object_name(object, source).name;
      if (std::find(catalog.schemas.begin(), catalog.schemas.end(), name) ==
          catalog.schemas.end()) {
        if (missing_ok) return;
        source.fail(-1, fmt::format("schema \"{}\" does not exist", name));
      }
      drop_schema(builder, name, cascade, source);
      return;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX: {
      QualifiedName name = object_name(object, source);
      std::vector<model::Index>* indexes = nullptr;
      model::Index* index = find_index(builder, name.schema, name.name, &indexes);
      if (index == nullptr) {
        if (missing_ok) return;
        missing(builder, source, "index", name);
      }
      indexes->erase(indexes->begin() + (index - indexes->data()));
      builder.release_relation_name(name.schema, name.name);
      return;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_POLICY: {
      const PgQuery__List& parts = *object->list;
      QualifiedName table_name = qualified_name(parts.items, parts.n_items - 1, -1, source);
      std::string policy = sqlparse::string_value(parts.items[parts.n_items - 1]);
      model::Table* table = builder.find_table(table_name.schema, table_name.name);
      if (table == nullptr) {
        if (missing_ok) return;
        missing(builder, source, "table", table_name);
      }
      std::size_t removed =
          std::erase_if(table->policies, [&](const model::Policy& p) { return p.name == policy; });
      if (removed == 0 && !missing_ok) {
        source.fail(-1, fmt::format("policy \"{}\" for table \"{}\" does not exist", policy,
                                    table_name.name));
      }
      return;
    }
    default:
      source.unsupported(-1,
                         "unsupported statement DROP " + object_type_name(statement.remove_type));
  }
}

void rename_table(CatalogBuilder& builder, const QualifiedName& from, const std::string& to,
                  const Source& source) {
  model::Table* table = builder.find_table(from.schema, from.name);
  if (table == nullptr) missing(builder, source, "table", from);
  if (builder.find_table(from.schema, to) != nullptr) {
    source.fail(-1, fmt::format("relation \"{}\" already exists", to));
  }
  // The primary key keeps the name PostgreSQL gave it after the old table name.
  std::string key = primary_key_name(*table);
  if (!key.empty() && (!table->primary_key || table->primary_key->name.empty())) {
    std::vector<std::string> columns;
    if (table->primary_key) columns = table->primary_key->columns;
    for (model::Column& column : table->columns) {
      if (column.primary_key) columns.push_back(column.name);
      column.primary_key = false;
    }
    table->primary_key = model::PrimaryKey{key, columns};
  }
  table->name = to;
  builder.release_relation_name(from.schema, from.name);
  builder.claim_relation_name(from.schema, to);
  retarget_references(builder.catalog(), from, {from.schema, to});
  builder.reindex_tables();
  // Triggers are keyed by their table.
  std::string old_prefix = "trigger " + from.schema + "." + from.name + ".";
  std::set<std::string>& others = builder.other_objects();
  std::vector<std::string> moved;
  for (auto it = others.lower_bound(old_prefix);
       it != others.end() && it->rfind(old_prefix, 0) == 0;) {
    moved.push_back("trigger " + from.schema + "." + to + "." + it->substr(old_prefix.size()));
    it = others.erase(it);
  }
  others.insert(moved.begin(), moved.end());
}

void rename_column(CatalogBuilder& builder, const QualifiedName& table_name,
                   const std::string& from, const std::string& to, const Source& source) {
  model::Table& table = builder.table(table_name, -1, source);
  auto column = std::find_if(table.columns.begin(), table.columns.end(),
                             [&](const model::Column& c) { return c.name == from; });
  if (column == table.columns.end()) {
    source.fail(-1, fmt::format("column \"{}\" of table \"{}\" does not exist", from, table.name));
  }
  if (model::find_column(table, to) != nullptr) {
    source.fail(-1, fmt::format("column \"{}\" of table \"{}\" already exists", to, table.name));
  }
  column->name = to;
  if (table.primary_key) rename_in(table.primary_key->columns, from, to);
  for (auto& unique : table.uniques) rename_in(unique.columns, from, to);
  for (auto& key : table.foreign_keys) rename_in(key.columns, from, to);
  for (auto& index : table.indexes) {
    rename_in(index.include, from, to);
    for (auto& element : index.elements) {
      if (!element.is_expression && element.expression == from) element.expression = to;
    }
  }
  for (model::Table& other : builder.catalog().tables) {
    for (auto& key : other.foreign_keys) {
      if (key.ref_schema == table_name.schema && key.ref_table == table_name.name) {
        rename_in(key.ref_columns, from, to);
      }
    }
  }
}

void rename_constraint(CatalogBuilder& builder, const QualifiedName& table_name,
                       const std::string& from, const std::string& to, const Source& source) {
  model::Table& table = builder.table(table_name, -1, source);
  if (!has_constraint(table, from)) {
    source.fail(
        -1, fmt::format("constraint \"{}\" of relation \"{}\" does not exist", from, table.name));
  }
  builder.release_constraint_name(table.schema, from);
  builder.claim_constraint_name(table.schema, to);
  if (primary_key_name(table) == from) {
    std::vector<std::string> columns;
    if (table.primary_key) {
      columns = table.primary_key->columns;
    } else {
      for (model::Column& column : table.columns) {
        if (column.primary_key) columns.push_back(column.name);
        column.primary_key = false;
      }
    }
    builder.release_relation_name(table.schema, from);
    builder.claim_relation_name(table.schema, to);
    bool implicit = to == sqlparse::implicit_name(table.name, {}, "pkey");
    if (implicit && columns.size() == 1) {
      table.primary_key.reset();
      for (model::Column& column : table.columns) {
        if (column.name == columns[0]) column.primary_key = true;
      }
    } else {
      table.primary_key = model::PrimaryKey{implicit ? "" : to, columns};
    }
    return;
  }
  for (auto& unique : table.uniques) {
    if (unique.name == from) {
      unique.name = to;
      builder.release_relation_name(table.schema, from);
      builder.claim_relation_name(table.schema, to);
    }
  }
  for (auto& key : table.foreign_keys) {
    if (key.name == from) key.name = to;
  }
  for (auto& check : table.checks) {
    if (check.name == from) check.name = to;
  }
  for (auto& exclusion : table.exclusions) {
    if (exclusion.name == from) {
      exclusion.name = to;
      builder.release_relation_name(table.schema, from);
      builder.claim_relation_name(table.schema, to);
    }
  }
}

void rename_index(CatalogBuilder& builder, const QualifiedName& from, const std::string& to,
                  const Source& source) {
  model::Index* index = find_index(builder, from.schema, from.name, nullptr);
  if (index != nullptr) {
    index->name = to;
    builder.release_relation_name(from.schema, from.name);
    builder.claim_relation_name(from.schema, to);
    return;
  }
  // The index behind a PRIMARY KEY or UNIQUE constraint: renaming it renames the constraint.
  for (model::Table& candidate : builder.catalog().tables) {
    if (candidate.schema == from.schema && has_constraint(candidate, from.name)) {
      return rename_constraint(builder, {candidate.schema, candidate.name}, from.name, to, source);
    }
  }
  missing(builder, source, "index", from);
}

// The sequence of a serial or identity column has no entry of its own in the model.
bool rename_implicit_sequence(CatalogBuilder& builder, const QualifiedName& from,
                              const std::string& to) {
  for (model::Table& table : builder.catalog().tables) {
    if (table.schema != from.schema) continue;
    for (model::Column& column : table.columns) {
      if (column.identity && column.identity->sequence_name == from.name) {
        column.identity->sequence_name = to;
        builder.release_relation_name(from.schema, from.name);
        builder.claim_relation_name(from.schema, to);
        return true;
      }
    }
  }
  if (builder.claim_relation_name(from.schema, from.name)) {
    builder.release_relation_name(from.schema, from.name);  // it was not taken: no such sequence
    return false;
  }
  builder.release_relation_name(from.schema, from.name);
  builder.claim_relation_name(from.schema, to);
  return true;
}

void rename_schema(CatalogBuilder& builder, const std::string& from, const std::string& to,
                   const Source& source) {
  model::Catalog& catalog = builder.catalog();
  auto it = std::find(catalog.schemas.begin(), catalog.schemas.end(), from);
  if (it == catalog.schemas.end()) {
    source.fail(-1, fmt::format("schema \"{}\" does not exist", from));
  }
  *it = to;
  auto move = [&](auto& items) {
    for (auto& item : items) {
      if (item.schema == from) item.schema = to;
    }
  };
  move(catalog.tables);
  move(catalog.enums);
  move(catalog.sequences);
  move(catalog.views);
  for (model::Table& table : catalog.tables) {
    for (auto& column : table.columns) {
      if (column.type_schema == from) column.type_schema = to;
    }
    for (auto& key : table.foreign_keys) {
      if (key.ref_schema == from) key.ref_schema = to;
    }
  }
  builder.reindex_tables();
}

}  // namespace

void replay_drop(PgQuery__DropStmt& statement, const Source& source, ReplayState& state) {
  if (statement.concurrent && statement.remove_type != PG_QUERY__OBJECT_TYPE__OBJECT_INDEX) {
    source.fail(-1, "CONCURRENTLY applies to DROP INDEX only");
  }
  for (std::size_t i = 0; i < statement.n_objects; ++i) {
    drop_one(statement, statement.objects[i], source, state);
  }
}

void replay_rename(PgQuery__RenameStmt& statement, const Source& source, ReplayState& state) {
  CatalogBuilder& builder = state.builder;
  model::Catalog& catalog = builder.catalog();
  std::string to = statement.newname;
  QualifiedName relation;
  if (statement.relation != nullptr) relation = qualified_name(statement.relation, source);
  bool relation_missing = statement.relation != nullptr &&
                          builder.find_table(relation.schema, relation.name) == nullptr;
  switch (statement.rename_type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
      if (relation_missing && statement.missing_ok) return;
      return rename_table(builder, relation, to, source);
    case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN:
      if (relation_missing && statement.missing_ok) return;
      return rename_column(builder, relation, statement.subname, to, source);
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT:
      if (relation_missing && statement.missing_ok) return;
      return rename_constraint(builder, relation, statement.subname, to, source);
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
      return rename_index(builder, relation, to, source);
    case PG_QUERY__OBJECT_TYPE__OBJECT_POLICY: {
      model::Table& table = builder.table(relation, -1, source);
      for (model::Policy& policy : table.policies) {
        if (policy.name == statement.subname) {
          policy.name = to;
          return;
        }
      }
      source.fail(-1, fmt::format("policy \"{}\" for table \"{}\" does not exist",
                                  statement.subname, relation.name));
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA:
      return rename_schema(builder, statement.subname, to, source);
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE: {
      QualifiedName from = object_name(statement.object, source);
      auto it = find_named(catalog.enums, from);
      if (it == catalog.enums.end()) return replay_rename_other(statement, source, state);
      it->name = to;
      retarget_enum_columns(catalog, from, {from.schema, to});
      return;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE: {
      auto it = find_named(catalog.sequences, relation);
      if (it != catalog.sequences.end()) {
        it->name = to;
        builder.release_relation_name(relation.schema, relation.name);
        builder.claim_relation_name(relation.schema, to);
        return;
      }
      if (rename_implicit_sequence(builder, relation, to)) return;
      if (statement.missing_ok) return;
      missing(builder, source, "sequence", relation);
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW: {
      auto it = find_named(catalog.views, relation);
      if (it == catalog.views.end()) {
        if (statement.missing_ok) return;
        missing(builder, source, "view", relation);
      }
      it->name = to;
      builder.release_relation_name(relation.schema, relation.name);
      builder.claim_relation_name(relation.schema, to);
      return;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
    case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER:
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN:
      return replay_rename_other(statement, source, state);
    default:
      source.unsupported(-1, "unsupported statement ALTER " +
                                 object_type_name(statement.rename_type) + " ... RENAME");
  }
}

void replay_set_schema(PgQuery__AlterObjectSchemaStmt& statement, const Source& source,
                       ReplayState& state) {
  CatalogBuilder& builder = state.builder;
  model::Catalog& catalog = builder.catalog();
  std::string to = statement.newschema;
  if (to != model::kDefaultSchema &&
      std::find(catalog.schemas.begin(), catalog.schemas.end(), to) == catalog.schemas.end()) {
    source.fail(-1, fmt::format("schema \"{}\" does not exist", to));
  }
  switch (statement.object_type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE: {
      QualifiedName from = qualified_name(statement.relation, source);
      model::Table* table = builder.find_table(from.schema, from.name);
      if (table == nullptr) {
        if (statement.missing_ok) return;
        missing(builder, source, "table", from);
      }
      table->schema = to;
      builder.release_relation_name(from.schema, from.name);
      builder.claim_relation_name(to, from.name);
      retarget_references(catalog, from, {to, from.name});
      builder.reindex_tables();
      return;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE: {
      QualifiedName from = object_name(statement.object, source);
      auto it = find_named(catalog.enums, from);
      if (it == catalog.enums.end()) missing(builder, source, "type", from);
      it->schema = to;
      retarget_enum_columns(catalog, from, {to, from.name});
      return;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE: {
      QualifiedName from = qualified_name(statement.relation, source);
      auto it = find_named(catalog.sequences, from);
      if (it == catalog.sequences.end()) missing(builder, source, "sequence", from);
      it->schema = to;
      return;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW: {
      QualifiedName from = qualified_name(statement.relation, source);
      auto it = find_named(catalog.views, from);
      if (it == catalog.views.end()) missing(builder, source, "view", from);
      it->schema = to;
      return;
    }
    default:
      source.unsupported(-1, "unsupported statement ALTER " +
                                 object_type_name(statement.object_type) + " ... SET SCHEMA");
  }
}

void replay_alter_enum(PgQuery__AlterEnumStmt& statement, const Source& source,
                       ReplayState& state) {
  QualifiedName name = qualified_name(statement.type_name, statement.n_type_name, -1, source);
  auto& enums = state.builder.catalog().enums;
  auto it = find_named(enums, name);
  if (it == enums.end()) missing(state.builder, source, "type", name);
  std::vector<std::string>& values = it->values;
  if (is_set(statement.old_val)) {
    auto value = std::find(values.begin(), values.end(), statement.old_val);
    if (value == values.end()) {
      // Guarded (IF NOT EXISTS (SELECT ... FROM pg_enum ...) or an exception handler) and
      // already renamed: the guard skips it on a database, so does the replay.
      if (state.duplicates_ignored &&
          std::find(values.begin(), values.end(), statement.new_val) != values.end()) {
        return;
      }
      source.fail(-1, fmt::format("\"{}\" is not an existing enum label", statement.old_val));
    }
    *value = statement.new_val;
    return;
  }
  std::string added = statement.new_val;
  if (std::find(values.begin(), values.end(), added) != values.end()) {
    // ADD VALUE IF NOT EXISTS, or guarded in a DO block (an IF NOT EXISTS over pg_enum, or a
    // duplicate_object handler): an existing label is skipped on a database, so here too.
    if (statement.skip_if_new_val_exists || state.duplicates_ignored) return;
    source.fail(-1, fmt::format("enum label \"{}\" already exists", added));
  }
  if (!is_set(statement.new_val_neighbor)) {
    values.push_back(added);
    return;
  }
  auto neighbour = std::find(values.begin(), values.end(), statement.new_val_neighbor);
  if (neighbour == values.end()) {
    source.fail(-1,
                fmt::format("\"{}\" is not an existing enum label", statement.new_val_neighbor));
  }
  values.insert(statement.new_val_is_after ? neighbour + 1 : neighbour, added);
}

void replay_alter_sequence(PgQuery__AlterSeqStmt& statement, const Source& source,
                           ReplayState& state) {
  QualifiedName name = qualified_name(statement.sequence, source);
  auto& sequences = state.builder.catalog().sequences;
  auto it = find_named(sequences, name);
  if (it == sequences.end()) {
    if (statement.missing_ok) return;
    missing(state.builder, source, "sequence", name);
  }
  merge_sequence_options(it->options, statement.options, statement.n_options, source);
}

void replay_alter_policy(PgQuery__AlterPolicyStmt& statement, const Source& source,
                         ReplayState& state) {
  model::Table& table = state.builder.table(qualified_name(statement.table, source),
                                            statement.table->location, source);
  auto policy =
      std::find_if(table.policies.begin(), table.policies.end(),
                   [&](const model::Policy& p) { return p.name == statement.policy_name; });
  if (policy == table.policies.end()) {
    source.fail(-1, fmt::format("policy \"{}\" for table \"{}\" does not exist",
                                statement.policy_name, table.name));
  }
  if (statement.n_roles != 0) {
    policy->to.clear();
    for (std::size_t i = 0; i < statement.n_roles; ++i) {
      const PgQuery__RoleSpec& role = *statement.roles[i]->role_spec;
      switch (role.roletype) {
        case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CSTRING:
          policy->to.push_back(role.rolename);
          break;
        case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CURRENT_ROLE:
          policy->to.push_back("current_role");
          break;
        case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CURRENT_USER:
          policy->to.push_back("current_user");
          break;
        case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_SESSION_USER:
          policy->to.push_back("session_user");
          break;
        default:
          policy->to.push_back("public");
      }
    }
  }
  if (statement.qual != nullptr) {
    policy->using_expr =
        sqlparse::deparse_table_expression_node(statement.qual, table.schema, table.name);
  }
  if (statement.with_check != nullptr) {
    policy->with_check =
        sqlparse::deparse_table_expression_node(statement.with_check, table.schema, table.name);
  }
}

}  // namespace flick::ddl
