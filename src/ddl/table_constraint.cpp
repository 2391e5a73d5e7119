#include <fmt/format.h>

#include <algorithm>

#include "ddl/table_parts.hpp"

namespace flick::ddl {
namespace {

using sqlparse::is_set;

std::string referential_action(const char* action, const Source& source, int location) {
  std::string code = action == nullptr ? "" : action;
  if (code.empty() || code == "a") return "no action";
  if (code == "r") return "restrict";
  if (code == "c") return "cascade";
  if (code == "n") return "set null";
  if (code == "d") return "set default";
  source.unsupported(location, fmt::format("unsupported referential action '{}'", code));
}

void reject_unsupported_clauses(const PgQuery__Constraint& constraint, const Source& source) {
  std::string clause;
  if (constraint.deferrable || constraint.initdeferred) clause = "DEFERRABLE";
  if (constraint.is_no_inherit) clause = "NO INHERIT";
  if (constraint.skip_validation) clause = "NOT VALID";
  if (constraint.n_including != 0) clause = "INCLUDE";
  if (constraint.n_options != 0) clause = "WITH (...)";
  if (is_set(constraint.indexname)) clause = "USING INDEX";
  if (is_set(constraint.indexspace)) clause = "USING INDEX TABLESPACE";
  if (constraint.n_fk_del_set_cols != 0) clause = "ON DELETE SET NULL/DEFAULT (columns)";
  if (is_set(constraint.fk_matchtype) && std::string(constraint.fk_matchtype) != "s") {
    clause = "MATCH FULL/PARTIAL";
  }
  if (!clause.empty()) {
    source.unsupported(constraint.location, fmt::format("unsupported clause {} in {} constraint",
                                                        clause, constraint_kind(constraint)));
  }
}

void require_columns(const model::Table& table, const std::vector<std::string>& columns,
                     const PgQuery__Constraint& constraint, const Source& source) {
  for (const std::string& name : columns) {
    if (model::find_column(table, name) == nullptr) {
      source.fail(constraint.location,
                  fmt::format("{} constraint names column \"{}\", which table \"{}\" does not have",
                              constraint_kind(constraint), name, table.name));
    }
  }
}

std::vector<std::string> key_columns(const PgQuery__Constraint& constraint,
                                     const std::string& column) {
  if (!column.empty()) return {column};
  return string_list(constraint.keys, constraint.n_keys);
}

void add_primary_key(model::Table& table, const PgQuery__Constraint& constraint,
                     const std::string& column, const Source& source, CatalogBuilder& builder) {
  std::vector<std::string> columns = key_columns(constraint, column);
  require_columns(table, columns, constraint, source);
  bool has_key = table.primary_key.has_value() ||
                 std::any_of(table.columns.begin(), table.columns.end(),
                             [](const model::Column& c) { return c.primary_key; });
  if (has_key) {
    source.fail(constraint.location,
                fmt::format("multiple primary keys for table \"{}\"", table.name));
  }
  for (model::Column& key_column : table.columns) {
    if (std::find(columns.begin(), columns.end(), key_column.name) != columns.end()) {
      key_column.not_null = true;
    }
  }
  std::string name = constraint.conname;
  if (name.empty()) {
    // Empty means PostgreSQL's "<table>_pkey"; keep the name only when a clash changed it.
    std::string chosen = builder.choose_relation_name(table.schema, table.name, {}, "pkey", true);
    if (chosen != sqlparse::implicit_name(table.name, {}, "pkey")) name = chosen;
  }
  if (columns.size() == 1 && name.empty()) {
    for (model::Column& key_column : table.columns) {
      if (key_column.name == columns[0]) key_column.primary_key = true;
    }
    return;
  }
  table.primary_key = model::PrimaryKey{name, columns};
}

void add_unique(model::Table& table, const PgQuery__Constraint& constraint,
                const std::string& column, const Source& source, CatalogBuilder& builder) {
  model::UniqueConstraint unique;
  unique.columns = key_columns(constraint, column);
  require_columns(table, unique.columns, constraint, source);
  unique.nulls_not_distinct = constraint.nulls_not_distinct;
  unique.name =
      is_set(constraint.conname)
          ? constraint.conname
          : builder.choose_relation_name(table.schema, table.name, unique.columns, "key", true);
  table.uniques.push_back(std::move(unique));
}

void add_foreign_key(model::Table& table, const PgQuery__Constraint& constraint,
                     const std::string& column, const Source& source, CatalogBuilder& builder) {
  model::ForeignKey key;
  key.columns = column.empty() ? string_list(constraint.fk_attrs, constraint.n_fk_attrs)
                               : std::vector<std::string>{column};
  require_columns(table, key.columns, constraint, source);
  QualifiedName target = qualified_name(constraint.pktable, source);
  key.ref_schema = target.schema;
  key.ref_table = target.name;
  key.ref_columns = string_list(constraint.pk_attrs, constraint.n_pk_attrs);
  key.on_delete = referential_action(constraint.fk_del_action, source, constraint.location);
  key.on_update = referential_action(constraint.fk_upd_action, source, constraint.location);
  key.name = is_set(constraint.conname)
                 ? constraint.conname
                 : builder.choose_constraint_name(table.schema, table.name, key.columns, "fkey");
  table.foreign_keys.push_back(std::move(key));
  builder.defer_foreign_key(table.schema, table.name, table.foreign_keys.size() - 1,
                            source.position(constraint.location));
}

void add_check(model::Table& table, PgQuery__Constraint& constraint, const Source& source,
               CatalogBuilder& builder) {
  // PostgreSQL names a check after its column when the expression uses exactly one column,
  // wherever the constraint was written.
  std::vector<std::string> columns = sqlparse::referenced_columns(constraint.raw_expr);
  require_columns(table, columns, constraint, source);
  if (columns.size() != 1) columns.clear();
  model::CheckConstraint check;
  check.name = is_set(constraint.conname)
                   ? constraint.conname
                   : builder.choose_constraint_name(table.schema, table.name, columns, "check");
  check.expression =
      sqlparse::deparse_table_expression_node(constraint.raw_expr, table.schema, table.name);
  table.checks.push_back(std::move(check));
}

void add_exclusion(model::Table& table, PgQuery__Constraint& constraint, const Source& source,
                   CatalogBuilder& builder) {
  // PostgreSQL names it like the index behind it: "<table>_<columns>_excl" ("expr" for an
  // expression element).
  std::vector<std::string> columns;
  for (std::size_t i = 0; i < constraint.n_exclusions; ++i) {
    const PgQuery__List& pair = *constraint.exclusions[i]->list;
    const PgQuery__IndexElem& element = *pair.items[0]->index_elem;
    if (is_set(element.name)) {
      if (model::find_column(table, element.name) == nullptr) {
        source.fail(constraint.location,
                    fmt::format("EXCLUDE constraint names column \"{}\", which table \"{}\" "
                                "does not have",
                                element.name, table.name));
      }
      columns.push_back(element.name);
    } else {
      columns.push_back(is_set(element.indexcolname) ? element.indexcolname : "expr");
    }
  }
  model::ExclusionConstraint exclusion;
  exclusion.name =
      is_set(constraint.conname)
          ? constraint.conname
          : builder.choose_relation_name(table.schema, table.name, columns, "excl", true);
  exclusion.definition = sqlparse::deparse_constraint_node(&constraint);
  table.exclusions.push_back(std::move(exclusion));
}

}  // namespace

std::string constraint_kind(const PgQuery__Constraint& constraint) {
  switch (constraint.contype) {
    case PG_QUERY__CONSTR_TYPE__CONSTR_NULL:
      return "NULL";
    case PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL:
      return "NOT NULL";
    case PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT:
      return "DEFAULT";
    case PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY:
      return "GENERATED AS IDENTITY";
    case PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED:
      return "GENERATED ALWAYS AS";
    case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
      return "CHECK";
    case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
      return "PRIMARY KEY";
    case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE:
      return "UNIQUE";
    case PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION:
      return "EXCLUDE";
    case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN:
      return "FOREIGN KEY";
    case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_DEFERRABLE:
      return "DEFERRABLE";
    case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_NOT_DEFERRABLE:
      return "NOT DEFERRABLE";
    case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_DEFERRED:
      return "INITIALLY DEFERRED";
    case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_IMMEDIATE:
      return "INITIALLY IMMEDIATE";
    default:
      return "constraint kind " + std::to_string(constraint.contype);
  }
}

void claim_constraint_name(const model::Table& table, const PgQuery__Constraint& constraint,
                           CatalogBuilder& builder) {
  if (!is_set(constraint.conname)) return;
  builder.claim_constraint_name(table.schema, constraint.conname);
  if (constraint.contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY ||
      constraint.contype == PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE ||
      constraint.contype == PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION) {
    builder.claim_relation_name(table.schema, constraint.conname);  // backed by an index
  }
}

namespace {

// Whether a relation of the catalog's schema `schema` (a table, view, sequence, index, or the
// index of a primary key, unique or exclusion constraint) is named `name` now.
bool relation_named(const model::Catalog& catalog, const std::string& schema,
                    const std::string& name) {
  if (catalog.find_table(schema, name) != nullptr || catalog.find_view(schema, name) != nullptr ||
      catalog.find_sequence(schema, name) != nullptr) {
    return true;
  }
  auto named = [&](const auto& items) {
    return std::any_of(items.begin(), items.end(),
                       [&](const auto& item) { return item.name == name; });
  };
  for (const model::Table& table : catalog.tables) {
    if (table.schema != schema) continue;
    if ((table.primary_key && table.primary_key->name == name) || named(table.uniques) ||
        named(table.exclusions) || named(table.indexes)) {
      return true;
    }
  }
  for (const model::View& view : catalog.views) {
    if (view.schema == schema && named(view.indexes)) return true;
  }
  return false;
}

}  // namespace

void claim_new_constraint_name(const model::Table& table, const PgQuery__Constraint& constraint,
                               const Source& source, CatalogBuilder& builder) {
  if (!is_set(constraint.conname)) return;
  // The parser already cut a longer name to its first 63 bytes, as PostgreSQL's does; two names
  // that differ only after that are one name.
  const std::string name = constraint.conname;
  const std::string truncated =
      name.size() == 63 ? " (PostgreSQL keeps the first 63 bytes of a longer name)" : "";
  if (!builder.claim_table_constraint_name(table.schema, table.name, name)) {
    source.fail(constraint.location,
                fmt::format("constraint \"{}\" is defined twice on table \"{}\"{}", name,
                            table.name, truncated));
  }
  builder.claim_constraint_name(table.schema, name);
  if (constraint.contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY ||
      constraint.contype == PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE ||
      constraint.contype == PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION) {
    // A name claimed before may have been freed by a DROP since (check's replay): the catalog
    // says whether it is taken now.
    if (!builder.claim_relation_name(table.schema, name) &&
        relation_named(builder.catalog(), table.schema, name)) {
      source.fail(constraint.location,
                  fmt::format("constraint \"{}\" on table \"{}\" is backed by an index of that "
                              "name, and a relation so named is already defined in schema \"{}\"{}",
                              name, table.name, table.schema, truncated));
    }
  }
}

void add_constraint(model::Table& table, PgQuery__Constraint& constraint, const std::string& column,
                    const Source& source, CatalogBuilder& builder) {
  reject_unsupported_clauses(constraint, source);
  switch (constraint.contype) {
    case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
      return add_primary_key(table, constraint, column, source, builder);
    case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE:
      return add_unique(table, constraint, column, source, builder);
    case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN:
      return add_foreign_key(table, constraint, column, source, builder);
    case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
      if (constraint.raw_expr != nullptr && sqlparse::contains_subquery(constraint.raw_expr)) {
        source.fail(constraint.location,
                    fmt::format("CHECK on table \"{}\" holds a subquery; PostgreSQL refuses "
                                "subqueries in check constraints (use a trigger)",
                                table.name));
      }
      return add_check(table, constraint, source, builder);
    case PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION:
      return add_exclusion(table, constraint, source, builder);
    default:
      source.unsupported(constraint.location,
                         fmt::format("unsupported constraint {}", constraint_kind(constraint)));
  }
}

}  // namespace flick::ddl
