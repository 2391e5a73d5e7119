// CREATE TABLE bookkeeping and the ALTER TABLE rules: NOT NULL columns and SET NOT NULL, type
// changes, volatile defaults, constraints validated or indexed under a lock, dropped columns.

#include <fmt/core.h>

#include <set>

#include "lint/linter.hpp"

namespace flick::lint {
namespace {

using sqlparse::is_set;

bool has_constraint(const PgQuery__ColumnDef& column, PgQuery__ConstrType type) {
  for (std::size_t i = 0; i < column.n_constraints; ++i) {
    const PgQuery__Node* node = column.constraints[i];
    if (node->node_case == PG_QUERY__NODE__NODE_CONSTRAINT && node->constraint->contype == type) {
      return true;
    }
  }
  return false;
}

const PgQuery__Constraint* default_constraint(const PgQuery__ColumnDef& column) {
  for (std::size_t i = 0; i < column.n_constraints; ++i) {
    const PgQuery__Node* node = column.constraints[i];
    if (node->node_case == PG_QUERY__NODE__NODE_CONSTRAINT &&
        node->constraint->contype == PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT) {
      return node->constraint;
    }
  }
  return nullptr;
}

bool is_serial(const std::string& type) {
  static const std::set<std::string> serials = {"serial",  "serial2",   "serial4",
                                                "serial8", "bigserial", "smallserial"};
  return serials.count(type) != 0;
}

// The first volatile function an expression calls, or "".
std::string volatile_call(PgQuery__Node* expression) {
  static const std::set<std::string> volatile_functions = {"random",
                                                           "random_normal",
                                                           "gen_random_uuid",
                                                           "uuid_generate_v1",
                                                           "uuid_generate_v1mc",
                                                           "uuid_generate_v4",
                                                           "uuidv4",
                                                           "uuidv7",
                                                           "clock_timestamp",
                                                           "timeofday",
                                                           "nextval",
                                                           "txid_current"};
  std::string found;
  sqlparse::visit_messages(&expression->base, [&](ProtobufCMessage* message) {
    if (!found.empty()) return false;
    if (message->descriptor == &pg_query__func_call__descriptor) {
      const auto* call = reinterpret_cast<const PgQuery__FuncCall*>(message);
      if (call->n_funcname > 0) {
        std::string name = sqlparse::string_value(call->funcname[call->n_funcname - 1]);
        if (volatile_functions.count(name) != 0) found = name + "()";
      }
    }
    return true;
  });
  return found;
}

void lint_add_column(const PgQuery__ColumnDef& column, const PgQuery__RangeVar* relation,
                     StatementLint& lint) {
  std::string table = relation_display(relation);
  bool primary = has_constraint(column, PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY);
  lint_column_type(column, table, primary, lint);
  if (!is_existing_table(lint.state, relation)) return;

  std::string type = type_base_name(column.type_name);
  const PgQuery__Constraint* default_value = default_constraint(column);
  bool identity = has_constraint(column, PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY);
  bool generated = has_constraint(column, PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED);
  bool not_null = has_constraint(column, PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL) || primary;
  if (not_null && default_value == nullptr && !identity && !generated && !is_serial(type)) {
    lint.report("adding-not-null-column-without-default",
                fmt::format("ALTER TABLE {} ADD COLUMN \"{}\" is NOT NULL without a DEFAULT", table,
                            column.colname));
  }

  std::string filled_per_row;
  if (default_value != nullptr && default_value->raw_expr != nullptr) {
    std::string call = volatile_call(default_value->raw_expr);
    if (!call.empty()) filled_per_row = "the volatile default " + call;
  }
  if (is_serial(type)) filled_per_row = "the " + type + " type (a nextval() default)";
  if (identity) filled_per_row = "an identity (filled from a sequence row by row)";
  if (generated) filled_per_row = "a stored generated expression";
  if (!filled_per_row.empty()) {
    lint.report("volatile-default", fmt::format("ALTER TABLE {} ADD COLUMN \"{}\" has {}", table,
                                                column.colname, filled_per_row));
  }

  if (primary || has_constraint(column, PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE)) {
    lint.report("unique-constraint-instead-of-index",
                fmt::format("ALTER TABLE {} ADD COLUMN \"{}\" {} builds an index under an ACCESS "
                            "EXCLUSIVE lock",
                            table, column.colname, primary ? "PRIMARY KEY" : "UNIQUE"));
  }
}

void lint_add_constraint(const PgQuery__Constraint& constraint, const PgQuery__RangeVar* relation,
                         StatementLint& lint) {
  if (!is_existing_table(lint.state, relation)) return;
  std::string table = relation_display(relation);
  std::string name = is_set(constraint.conname) ? fmt::format(" \"{}\"", constraint.conname) : "";
  switch (constraint.contype) {
    case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN:
    case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
      if (!constraint.skip_validation) {
        lint.report(
            "constraint-without-not-valid",
            fmt::format("ALTER TABLE {} ADD CONSTRAINT{} {} validates every existing row", table,
                        name,
                        constraint.contype == PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN ? "FOREIGN KEY"
                                                                                    : "CHECK"));
      }
      break;
    case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE:
    case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
      if (!is_set(constraint.indexname)) {
        lint.report(
            "unique-constraint-instead-of-index",
            fmt::format("ALTER TABLE {} ADD CONSTRAINT{} {} builds its index under an ACCESS "
                        "EXCLUSIVE lock",
                        table, name,
                        constraint.contype == PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE
                            ? "UNIQUE"
                            : "PRIMARY KEY"));
      }
      break;
    default:
      break;
  }
}

}  // namespace

void lint_create_table(const PgQuery__CreateStmt& create, StatementLint& lint) {
  std::string table = relation_display(create.relation);
  // Single-column primary keys declared at table level.
  std::string table_key_column;
  auto note_table_key = [&](const PgQuery__Node* node) {
    if (node->node_case != PG_QUERY__NODE__NODE_CONSTRAINT) return;
    const PgQuery__Constraint* constraint = node->constraint;
    if (constraint->contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY && constraint->n_keys == 1) {
      table_key_column = sqlparse::string_value(constraint->keys[0]);
    }
  };
  for (std::size_t i = 0; i < create.n_table_elts; ++i) note_table_key(create.table_elts[i]);
  for (std::size_t i = 0; i < create.n_constraints; ++i) note_table_key(create.constraints[i]);

  for (std::size_t i = 0; i < create.n_table_elts; ++i) {
    const PgQuery__Node* element = create.table_elts[i];
    if (element->node_case != PG_QUERY__NODE__NODE_COLUMN_DEF) continue;
    const PgQuery__ColumnDef& column = *element->column_def;
    bool primary = has_constraint(column, PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY) ||
                   table_key_column == column.colname;
    lint_column_type(column, table, primary, lint);
  }
}

void lint_alter_table(const PgQuery__AlterTableStmt& alter, StatementLint& lint) {
  if (alter.objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE || alter.relation == nullptr) return;
  const PgQuery__RangeVar* relation = alter.relation;
  bool existing = is_existing_table(lint.state, relation);
  std::string table = relation_display(relation);
  for (std::size_t i = 0; i < alter.n_cmds; ++i) {
    const PgQuery__AlterTableCmd* command = alter.cmds[i]->alter_table_cmd;
    if (command == nullptr) continue;
    PgQuery__Node* def = command->def;
    switch (command->subtype) {
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
        if (def != nullptr && def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
          lint_add_column(*def->column_def, relation, lint);
        }
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
        if (existing) {
          lint.report(
              "setting-not-null",
              fmt::format("ALTER TABLE {} ALTER COLUMN \"{}\" SET NOT NULL", table, command->name));
        }
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType:
        if (def != nullptr && def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF &&
            def->column_def->type_name != nullptr) {
          lint_type_change(*def->column_def->type_name, command->name, table, lint);
        }
        if (existing) {
          lint.report("changing-column-type",
                      fmt::format("ALTER TABLE {} ALTER COLUMN \"{}\" changes the column's type",
                                  table, command->name));
        }
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint:
        if (def != nullptr && def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) {
          lint_add_constraint(*def->constraint, relation, lint);
        }
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
        if (existing) {
          lint.report("dropping-column",
                      fmt::format("ALTER TABLE {} DROP COLUMN \"{}\"", table, command->name));
        }
        break;
      default:
        break;
    }
  }
}

}  // namespace flick::lint
