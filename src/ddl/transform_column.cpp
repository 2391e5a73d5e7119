#include <fmt/format.h>

#include "ddl/options.hpp"
#include "ddl/table_parts.hpp"
#include "flick/error.hpp"

namespace flick::ddl {
namespace {

using sqlparse::is_set;

sqlparse::TypeName column_type(const PgQuery__ColumnDef& definition, const Source& source) {
  try {
    return sqlparse::canonical_type(definition.type_name);
  } catch (const UserError& error) {
    source.fail(definition.type_name->location,
                fmt::format("column \"{}\": {}", definition.colname, error.what()));
  }
}

void reject_storage_clauses(const PgQuery__ColumnDef& definition, const Source& source) {
  std::string clause;
  if (is_set(definition.compression)) clause = "COMPRESSION";
  if (is_set(definition.storage)) clause = "STORAGE";
  if (definition.n_fdwoptions != 0) clause = "OPTIONS";
  if (!clause.empty()) {
    source.unsupported(definition.location, fmt::format("unsupported clause {} on column \"{}\"",
                                                        clause, definition.colname));
  }
}

}  // namespace

std::string column_collation(const PgQuery__ColumnDef& definition) {
  if (definition.coll_clause == nullptr) return "";
  const PgQuery__CollateClause& clause = *definition.coll_clause;
  std::vector<std::string> parts = string_list(clause.collname, clause.n_collname);
  if (parts.size() == 2 && parts[0] == "pg_catalog") parts.erase(parts.begin());
  std::string out;
  for (const std::string& part : parts) {
    if (!out.empty()) out += ".";
    out += sqlparse::quote_identifier(part);
  }
  return out == "\"default\"" ? "" : out;
}

void apply_identity(model::Column& column, const PgQuery__Constraint& constraint,
                    const QualifiedName& table, const Source& source, CatalogBuilder& builder) {
  if (column.type != "smallint" && column.type != "integer" && column.type != "bigint") {
    source.fail(
        constraint.location,
        fmt::format("identity column \"{}\" must be smallint, integer or bigint", column.name));
  }
  SequenceClauses clauses =
      read_sequence_options(constraint.options, constraint.n_options, true, source);
  if (!clauses.as_type.empty()) {
    source.unsupported(constraint.location, "unsupported sequence option AS on an identity column");
  }
  model::Identity identity;
  identity.kind = std::string(constraint.generated_when) == "a" ? model::IdentityKind::kAlways
                                                                : model::IdentityKind::kByDefault;
  identity.options = clauses.options;
  if (clauses.sequence_name.empty()) {
    identity.sequence_name =
        builder.choose_relation_name(table.schema, table.name, {column.name}, "seq", false);
  } else {
    identity.sequence_name = clauses.sequence_name;
    builder.claim_relation_name(table.schema, clauses.sequence_name);
  }
  column.identity = std::move(identity);
  column.not_null = true;
}

model::Column transform_column(PgQuery__ColumnDef& definition, const QualifiedName& table,
                               std::vector<PendingConstraint>* pending, const Source& source,
                               CatalogBuilder& builder) {
  reject_storage_clauses(definition, source);
  sqlparse::TypeName type = column_type(definition, source);
  model::Column column;
  column.name = definition.colname;
  column.type = type.type;
  column.type_schema = type.type_schema;
  column.collation = column_collation(definition);
  if (type.is_user_type) {
    builder.defer_user_type(table.schema, table.name, column.name,
                            source.position(definition.type_name->location));
  }
  if (type.is_serial) {
    column.not_null = true;
    builder.choose_relation_name(table.schema, table.name, {column.name}, "seq", false);
  }
  for (std::size_t i = 0; i < definition.n_constraints; ++i) {
    PgQuery__Constraint& constraint = *definition.constraints[i]->constraint;
    switch (constraint.contype) {
      case PG_QUERY__CONSTR_TYPE__CONSTR_NULL:
      case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_NOT_DEFERRABLE:  // the defaults: nothing to keep
      case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_IMMEDIATE:
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL:
        column.not_null = true;
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT:
        if (type.is_serial) {
          source.fail(constraint.location,
                      fmt::format("column \"{}\" is {} and cannot have a DEFAULT", column.name,
                                  column.type));
        }
        column.default_expr = sqlparse::deparse_default_node(constraint.raw_expr, type);
        // PostgreSQL stores no default for DEFAULT NULL; neither does the model.
        if (*column.default_expr == "NULL") column.default_expr.reset();
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY:
        apply_identity(column, constraint, table, source, builder);
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED:
        column.generated =
            sqlparse::deparse_table_expression_node(constraint.raw_expr, table.schema, table.name);
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
      case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
      case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE:
      case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN:
      case PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION:
        pending->push_back({&constraint, column.name});
        break;
      default:
        source.unsupported(constraint.location,
                           fmt::format("unsupported clause {} on column \"{}\"",
                                       constraint_kind(constraint), column.name));
    }
  }
  return column;
}

}  // namespace flick::ddl
