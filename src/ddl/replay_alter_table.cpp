// ALTER TABLE as a migration runs it: columns added, dropped and changed, constraints added
// (NOT VALID included: the model records no validity), validated and dropped, row-level security.

#include <fmt/format.h>

#include <algorithm>

#include "ddl/options.hpp"
#include "ddl/replay_internal.hpp"
#include "ddl/table_parts.hpp"
#include "flick/error.hpp"

namespace flick::ddl {
namespace {

using sqlparse::is_set;

std::string subcommand_name(PgQuery__AlterTableType subtype) {
  const ProtobufCEnumValue* value =
      protobuf_c_enum_descriptor_get_value(&pg_query__alter_table_type__descriptor, subtype);
  if (value == nullptr) return std::to_string(subtype);
  std::string name = value->name;
  return name.rfind("AT_", 0) == 0 ? name.substr(3) : name;
}

model::Column* find_column(model::Table& table, const std::string& name) {
  for (model::Column& column : table.columns) {
    if (column.name == name) return &column;
  }
  return nullptr;
}

model::Column& column_of(model::Table& table, const PgQuery__AlterTableCmd& command,
                         const Source& source) {
  model::Column* column = find_column(table, command.name);
  if (column == nullptr) {
    source.fail(
        -1, fmt::format("column \"{}\" of table \"{}\" does not exist", command.name, table.name));
  }
  return *column;
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

void add_column(model::Table& table, const QualifiedName& name, PgQuery__AlterTableCmd& command,
                const Source& source, ReplayState& state) {
  PgQuery__ColumnDef& definition = *command.def->column_def;
  if (find_column(table, definition.colname) != nullptr) {
    // ADD COLUMN IF NOT EXISTS, or guarded in a DO block
    if (command.missing_ok || state.duplicates_ignored) return;
    source.fail(-1, fmt::format("column \"{}\" of table \"{}\" already exists", definition.colname,
                                table.name));
  }
  std::vector<PendingConstraint> pending;
  model::Column column = transform_column(definition, name, &pending, source, state.builder);
  table.columns.push_back(std::move(column));
  model::Table& current = state.builder.table(name, -1, source);
  for (const PendingConstraint& item : pending) {
    claim_constraint_name(current, *item.constraint, state.builder);
    add_constraint(current, *item.constraint, item.column, source, state.builder);
  }
}

// What goes away with a dropped column: keys, indexes and checks on it, and foreign keys of
// other tables that reference it.
void drop_column(model::Table& table, const std::string& column, CatalogBuilder& builder) {
  auto uses = [&](const std::vector<std::string>& columns) { return contains(columns, column); };
  auto& columns = table.columns;
  columns.erase(std::remove_if(columns.begin(), columns.end(),
                               [&](const model::Column& c) { return c.name == column; }),
                columns.end());
  if (table.primary_key && uses(table.primary_key->columns)) table.primary_key.reset();
  std::erase_if(table.uniques, [&](const model::UniqueConstraint& u) {
    if (uses(u.columns)) builder.release_relation_name(table.schema, u.name);
    return uses(u.columns);
  });
  std::erase_if(table.foreign_keys, [&](const model::ForeignKey& k) { return uses(k.columns); });
  std::erase_if(table.checks, [&](const model::CheckConstraint& c) {
    return uses(sqlparse::referenced_columns(c.expression));
  });
  std::erase_if(table.exclusions, [&](const model::ExclusionConstraint& e) {
    bool used = uses(sqlparse::constraint_columns(e.definition));
    if (used) builder.release_relation_name(table.schema, e.name);
    return used;
  });
  std::erase_if(table.indexes, [&](const model::Index& index) {
    bool used = uses(index.include);
    for (const model::IndexElement& element : index.elements) {
      if (element.is_expression ? uses(sqlparse::referenced_columns(element.expression))
                                : element.expression == column) {
        used = true;
      }
    }
    if (index.where && uses(sqlparse::referenced_columns(*index.where))) used = true;
    if (used) builder.release_relation_name(table.schema, index.name);
    return used;
  });
  std::string schema = table.schema, name = table.name;
  for (model::Table& other : builder.catalog().tables) {
    std::erase_if(other.foreign_keys, [&](const model::ForeignKey& k) {
      return k.ref_schema == schema && k.ref_table == name && uses(k.ref_columns);
    });
  }
}

void alter_type(model::Column& column, PgQuery__AlterTableCmd& command, const Source& source,
                CatalogBuilder& builder) {
  const PgQuery__TypeName* type_name = command.def->column_def->type_name;
  sqlparse::TypeName type;
  try {
    type = sqlparse::canonical_type(type_name);
  } catch (const UserError& error) {
    source.fail(type_name->location, fmt::format("column \"{}\": {}", column.name, error.what()));
  }
  column.type = type.type;
  column.type_schema = type.type_schema;
  column.collation = column_collation(*command.def->column_def);  // else the new type's
  if (type.is_user_type) {
    std::string schema = type.type_schema.empty() ? model::kDefaultSchema : type.type_schema;
    std::string base = type.type.substr(0, type.type.find('['));
    if (builder.catalog().find_enum(schema, base) != nullptr) {
      column.type_schema = schema;
    } else if (!builder.accepts_other_type(schema, base)) {
      source.fail(type_name->location,
                  fmt::format("type \"{}\".\"{}\" does not exist", schema, base));
    }
  }
  // A default written for the old type (`'pending'::"public"."status"` on a text column) reads
  // for the new one as PostgreSQL keeps it.
  if (column.default_expr) {
    column.default_expr =
        sqlparse::normalise_default(*column.default_expr, column.type, column.type_schema);
  }
}

void set_default(model::Column& column, const PgQuery__AlterTableCmd& command) {
  if (command.def == nullptr) {
    column.default_expr.reset();
    return;
  }
  sqlparse::TypeName type;
  type.type = column.type;
  type.type_schema = column.type_schema;
  column.default_expr = sqlparse::deparse_default_node(command.def, type);
  if (*column.default_expr == "NULL") column.default_expr.reset();
}

// ALTER COLUMN SET GENERATED { ALWAYS | BY DEFAULT } / SET <sequence option> / RESTART.
void set_identity(model::Column& column, PgQuery__AlterTableCmd& command, const Source& source) {
  if (!column.identity) {
    source.fail(-1, fmt::format("column \"{}\" is not an identity column", column.name));
  }
  const PgQuery__List& options = *command.def->list;
  for (std::size_t i = 0; i < options.n_items; ++i) {
    PgQuery__DefElem& option = *options.items[i]->def_elem;
    std::string name = option.defname;
    if (name == "generated") {
      long kind = 0;
      sqlparse::integer_value(option.arg, &kind);
      column.identity->kind =
          kind == 'a' ? model::IdentityKind::kAlways : model::IdentityKind::kByDefault;
    } else if (name != "restart") {
      merge_sequence_options(column.identity->options, &options.items[i], 1, source);
    }
  }
}

// ADD CONSTRAINT name { UNIQUE | PRIMARY KEY } USING INDEX idx: the index becomes the
// constraint's (renamed to the constraint).
void attach_index(model::Table& table, const PgQuery__Constraint& constraint, const Source& source,
                  CatalogBuilder& builder) {
  auto index = std::find_if(table.indexes.begin(), table.indexes.end(),
                            [&](const model::Index& i) { return i.name == constraint.indexname; });
  if (index == table.indexes.end()) {
    source.fail(constraint.location, fmt::format("index \"{}\" of table \"{}\" does not exist",
                                                 constraint.indexname, table.name));
  }
  if (!index->unique || index->where || index->elements.empty() ||
      std::any_of(index->elements.begin(), index->elements.end(),
                  [](const model::IndexElement& e) { return e.is_expression; })) {
    source.fail(constraint.location,
                fmt::format("index \"{}\" cannot back a constraint: it must be a unique index "
                            "on plain columns without WHERE",
                            constraint.indexname));
  }
  std::vector<std::string> columns;
  for (const model::IndexElement& element : index->elements) columns.push_back(element.expression);
  std::string name = is_set(constraint.conname) ? constraint.conname : constraint.indexname;
  bool nulls_not_distinct = index->nulls_not_distinct;
  builder.release_relation_name(table.schema, index->name);
  table.indexes.erase(index);
  builder.claim_relation_name(table.schema, name);
  builder.claim_constraint_name(table.schema, name);
  if (constraint.contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY) {
    for (model::Column& column : table.columns) {
      if (std::find(columns.begin(), columns.end(), column.name) != columns.end()) {
        column.not_null = true;
      }
    }
    table.primary_key = model::PrimaryKey{name, columns};
    return;
  }
  table.uniques.push_back({name, columns, nulls_not_distinct});
}

void add_table_constraint(model::Table& table, PgQuery__AlterTableCmd& command,
                          const Source& source, ReplayState& state) {
  PgQuery__Constraint& constraint = *command.def->constraint;
  constraint.skip_validation = false;  // NOT VALID: validity is not part of the model
  if (is_set(constraint.conname) && has_constraint(table, constraint.conname)) {
    if (state.duplicates_ignored) {
      state.skipped = true;
      return;
    }
    if (!state.replace_existing) {
      source.fail(constraint.location,
                  fmt::format("constraint \"{}\" for relation \"{}\" already exists",
                              constraint.conname, table.name));
    }
    remove_constraint(table, constraint.conname, state.builder);
    state.recreated = true;
  }
  if (is_set(constraint.indexname)) return attach_index(table, constraint, source, state.builder);
  claim_constraint_name(table, constraint, state.builder);
  add_constraint(table, constraint, "", source, state.builder);
}

// ALTER [MATERIALIZED] VIEW: storage parameters set and reset, the owner; clustering and
// statistics change nothing the model holds.
void alter_view(PgQuery__AlterTableStmt& statement, const Source& source, ReplayState& state) {
  QualifiedName name = qualified_name(statement.relation, source);
  auto& views = state.builder.catalog().views;
  auto view = std::find_if(views.begin(), views.end(), [&](const model::View& v) {
    return v.schema == name.schema && v.name == name.name;
  });
  if (view == views.end()) {
    if (statement.missing_ok) return;
    source.fail(-1, fmt::format("view \"{}\".\"{}\" does not exist", name.schema, name.name));
  }
  for (std::size_t i = 0; i < statement.n_cmds; ++i) {
    PgQuery__AlterTableCmd& command = *statement.cmds[i]->alter_table_cmd;
    switch (command.subtype) {
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetRelOptions:
        for (auto& [key, value] : read_storage_parameters(command.def->list->items,
                                                          command.def->list->n_items, source)) {
          view->with[key] = value;
        }
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_ResetRelOptions:
        for (std::size_t j = 0; j < command.def->list->n_items; ++j) {
          view->with.erase(command.def->list->items[j]->def_elem->defname);
        }
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_ChangeOwner:
        set_relation_owner(state.builder.catalog(), name, owner_role(*command.newowner, source),
                           source, statement.relation->location);
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_ClusterOn:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropCluster:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetStatistics:
        break;
      default:
        source.unsupported(-1,
                           "unsupported clause in ALTER VIEW: " + subcommand_name(command.subtype));
    }
  }
}

// ALTER TYPE composite ADD / DROP / ALTER ATTRIBUTE.
void alter_composite_type(PgQuery__AlterTableStmt& statement, const Source& source,
                          ReplayState& state) {
  QualifiedName name = qualified_name(statement.relation, source);
  auto& types = state.builder.catalog().composite_types;
  auto type = std::find_if(types.begin(), types.end(), [&](const model::CompositeType& t) {
    return t.schema == name.schema && t.name == name.name;
  });
  if (type == types.end()) {
    if (state.builder.catalog().find_enum(name.schema, name.name) == nullptr &&
        state.builder.other_objects().count("type " + name.schema + "." + name.name) == 0) {
      source.fail(-1, fmt::format("type \"{}\".\"{}\" does not exist", name.schema, name.name));
    }
    source.unsupported(-1, "unsupported statement ALTER TYPE of a type that is not composite");
  }
  for (std::size_t i = 0; i < statement.n_cmds; ++i) {
    PgQuery__AlterTableCmd& command = *statement.cmds[i]->alter_table_cmd;
    auto attribute = std::find_if(type->attributes.begin(), type->attributes.end(),
                                  [&](const model::CompositeAttribute& a) {
                                    return sqlparse::is_set(command.name) && a.name == command.name;
                                  });
    switch (command.subtype) {
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn: {
        const PgQuery__ColumnDef& definition = *command.def->column_def;
        type->attributes.push_back({definition.colname,
                                    routine_type(definition.type_name, source.default_schema()),
                                    column_collation(definition)});
        break;
      }
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
        if (attribute == type->attributes.end()) {
          if (command.missing_ok) break;
          source.fail(-1,
                      fmt::format("type \"{}\" has no attribute \"{}\"", name.name, command.name));
        }
        type->attributes.erase(attribute);
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType: {
        if (attribute == type->attributes.end()) {
          source.fail(-1,
                      fmt::format("type \"{}\" has no attribute \"{}\"", name.name, command.name));
        }
        const PgQuery__ColumnDef& definition = *command.def->column_def;
        attribute->type = routine_type(definition.type_name, source.default_schema());
        attribute->collation = column_collation(definition);
        break;
      }
      default:
        source.unsupported(-1,
                           "unsupported clause in ALTER TYPE: " + subcommand_name(command.subtype));
    }
  }
}

}  // namespace

void replay_alter_table(PgQuery__AlterTableStmt& statement, const Source& source,
                        ReplayState& state) {
  if (statement.objtype == PG_QUERY__OBJECT_TYPE__OBJECT_TYPE) {
    return alter_composite_type(statement, source, state);
  }
  if (statement.objtype == PG_QUERY__OBJECT_TYPE__OBJECT_VIEW ||
      statement.objtype == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW) {
    return alter_view(statement, source, state);
  }
  if (statement.objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE) {
    return transform_alter_table(statement, source, state.builder);  // reports the kind
  }
  QualifiedName name = qualified_name(statement.relation, source);
  if (statement.missing_ok && state.builder.find_table(name.schema, name.name) == nullptr) {
    state.skipped = true;
    return;
  }
  for (std::size_t i = 0; i < statement.n_cmds; ++i) {
    // Looked up again for each command: adding a column may move tables in memory.
    model::Table& table = state.builder.table(name, statement.relation->location, source);
    PgQuery__AlterTableCmd& command = *statement.cmds[i]->alter_table_cmd;
    switch (command.subtype) {
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
        add_column(table, name, command, source, state);
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
        if (find_column(table, command.name) == nullptr) {
          if (command.missing_ok) break;
          column_of(table, command, source);  // reports it
        }
        drop_column(table, command.name, state.builder);
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType:
        alter_type(column_of(table, command, source), command, source, state.builder);
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault:
        set_default(column_of(table, command, source), command);
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
        column_of(table, command, source).not_null = true;
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull:
        column_of(table, command, source).not_null = false;
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddIdentity:
        apply_identity(column_of(table, command, source), *command.def->constraint, name, source,
                       state.builder);
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetIdentity:
        set_identity(column_of(table, command, source), command, source);
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropIdentity: {
        model::Column& column = column_of(table, command, source);
        if (!column.identity) {
          if (command.missing_ok) break;
          source.fail(-1, fmt::format("column \"{}\" is not an identity column", column.name));
        }
        state.builder.release_relation_name(table.schema, column.identity->sequence_name);
        column.identity.reset();
        break;
      }
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropExpression:
        column_of(table, command, source).generated.reset();
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint:
        add_table_constraint(table, command, source, state);
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint:
        if (!has_constraint(table, command.name)) {
          source.fail(-1, fmt::format("constraint \"{}\" of relation \"{}\" does not exist",
                                      command.name, table.name));
        }
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint:
        if (!remove_constraint(table, command.name, state.builder) && !command.missing_ok) {
          source.fail(-1, fmt::format("constraint \"{}\" of relation \"{}\" does not exist",
                                      command.name, table.name));
        }
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition: {
        const PgQuery__PartitionCmd& attach = *command.def->partition_cmd;
        state.builder.attach_partition(name, qualified_name(attach.name, source),
                                       sqlparse::partition_bound_text(*attach.bound),
                                       source.position(attach.name->location));
        break;
      }
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition: {
        const PgQuery__PartitionCmd& detach = *command.def->partition_cmd;
        state.builder.detach_partition(name, qualified_name(detach.name, source),
                                       source.position(detach.name->location));
        break;
      }
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddInherit:
        state.builder.inherit(name, qualified_name(command.def->range_var, source),
                              source.position(command.def->range_var->location));
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropInherit:
        state.builder.no_inherit(name, qualified_name(command.def->range_var, source),
                                 source.position(command.def->range_var->location));
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetLogged:
        table.unlogged = false;
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetUnLogged:
        table.unlogged = true;
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableRowSecurity:
        table.rls_enabled = true;
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableRowSecurity:
        table.rls_enabled = false;
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_ForceRowSecurity:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_NoForceRowSecurity:
        break;  // FORCE applies RLS to the owner too; the model does not record it
      case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrig:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableAlwaysTrig:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableReplicaTrig:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrig:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigAll:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigAll:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigUser:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigUser:
        set_trigger_state(table, command, source, false);
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_ChangeOwner:
        set_relation_owner(state.builder.catalog(), name, owner_role(*command.newowner, source),
                           source, statement.relation->location);
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_ReplicaIdentity:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetStatistics:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetStorage:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetOptions:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_ResetOptions:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetRelOptions:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_ResetRelOptions:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_ClusterOn:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropCluster:
        break;  // storage and statistics: not in the model
      default:
        source.unsupported(
            -1, "unsupported clause in ALTER TABLE: " + subcommand_name(command.subtype));
    }
  }
}

}  // namespace flick::ddl
