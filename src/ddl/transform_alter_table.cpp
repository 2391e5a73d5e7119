#include <fmt/format.h>

#include "ddl/table_parts.hpp"

namespace flick::ddl {
namespace {

// "AddColumn", "DropConstraint", ... (PostgreSQL's AlterTableType without the AT_ prefix).
std::string subcommand_name(PgQuery__AlterTableType subtype) {
  const ProtobufCEnumValue* value =
      protobuf_c_enum_descriptor_get_value(&pg_query__alter_table_type__descriptor, subtype);
  if (value == nullptr) return std::to_string(subtype);
  std::string name = value->name;
  return name.rfind("AT_", 0) == 0 ? name.substr(3) : name;
}

model::Column& column_of(model::Table& table, const PgQuery__AlterTableCmd& command,
                         const Source& source) {
  for (model::Column& column : table.columns) {
    if (column.name == command.name) return column;
  }
  source.fail(-1, fmt::format("table \"{}\" has no column \"{}\"", table.name, command.name));
}

void set_default(model::Column& column, const PgQuery__AlterTableCmd& command) {
  if (command.def == nullptr) {
    column.default_expr.reset();  // DROP DEFAULT
    return;
  }
  sqlparse::TypeName type;
  type.type = column.type;
  type.type_schema = column.type_schema;
  column.default_expr = sqlparse::deparse_default_node(command.def, type);
  if (*column.default_expr == "NULL") column.default_expr.reset();  // as PostgreSQL stores it
}

}  // namespace

void transform_alter_table(PgQuery__AlterTableStmt& statement, const Source& source,
                           CatalogBuilder& builder) {
  // pg_dump's `ALTER TABLE x OWNER TO role` (for views and sequences too).
  bool only_ownership = statement.n_cmds > 0;
  for (std::size_t i = 0; i < statement.n_cmds; ++i) {
    only_ownership = only_ownership && statement.cmds[i]->alter_table_cmd->subtype ==
                                           PG_QUERY__ALTER_TABLE_TYPE__AT_ChangeOwner;
  }
  if (only_ownership) {
    QualifiedName name = qualified_name(statement.relation, source);
    for (std::size_t i = 0; i < statement.n_cmds; ++i) {
      const PgQuery__AlterTableCmd& command = *statement.cmds[i]->alter_table_cmd;
      set_relation_owner(builder.catalog(), name, owner_role(*command.newowner, source), source,
                         statement.relation->location);
    }
    return;
  }
  // pg_dump's ALTER INDEX parent_index ATTACH PARTITION child_index.
  if (statement.objtype == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX && statement.n_cmds == 1 &&
      statement.cmds[0]->alter_table_cmd->subtype ==
          PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition) {
    const PgQuery__PartitionCmd& attach = *statement.cmds[0]->alter_table_cmd->def->partition_cmd;
    builder.attach_index(qualified_name(attach.name, source).schema, attach.name->relname);
    return;
  }
  if (statement.objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE) {
    source.unsupported(
        -1, "unsupported statement ALTER " +
                std::string(protobuf_c_enum_descriptor_get_value(&pg_query__object_type__descriptor,
                                                                 statement.objtype)
                                ->name)
                    .substr(7));  // strip "OBJECT_"
  }
  QualifiedName name = qualified_name(statement.relation, source);
  model::Table& table = builder.table(name, statement.relation->location, source);
  for (std::size_t i = 0; i < statement.n_cmds; ++i) {
    PgQuery__AlterTableCmd& command = *statement.cmds[i]->alter_table_cmd;
    switch (command.subtype) {
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint: {
        PgQuery__Constraint& constraint = *command.def->constraint;
        claim_new_constraint_name(table, constraint, source, builder);
        add_constraint(table, constraint, "", source, builder);
        break;
      }
      case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableRowSecurity:
        table.rls_enabled = true;
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault:
        set_default(column_of(table, command, source), command);
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
        column_of(table, command, source).not_null = true;
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_ChangeOwner:
        set_relation_owner(builder.catalog(), name, owner_role(*command.newowner, source), source,
                           statement.relation->location);
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition: {
        const PgQuery__PartitionCmd& attach = *command.def->partition_cmd;
        builder.attach_partition(name, qualified_name(attach.name, source),
                                 sqlparse::partition_bound_text(*attach.bound),
                                 source.position(attach.name->location));
        break;
      }
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition: {
        const PgQuery__PartitionCmd& detach = *command.def->partition_cmd;
        builder.detach_partition(name, qualified_name(detach.name, source),
                                 source.position(detach.name->location));
        break;
      }
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddInherit:
        builder.inherit(name, qualified_name(command.def->range_var, source),
                        source.position(command.def->range_var->location));
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropInherit:
        builder.no_inherit(name, qualified_name(command.def->range_var, source),
                           source.position(command.def->range_var->location));
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddIdentity:
        apply_identity(column_of(table, command, source), *command.def->constraint, name, source,
                       builder);
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrig:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableAlwaysTrig:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableReplicaTrig:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrig:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigAll:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigAll:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigUser:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigUser:
        set_trigger_state(table, command, source, true);
        break;
      default:
        source.unsupported(
            -1, "unsupported clause in ALTER TABLE: " + subcommand_name(command.subtype));
    }
  }
}

}  // namespace flick::ddl
