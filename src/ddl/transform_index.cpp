#include <fmt/format.h>

#include <algorithm>

#include "ddl/builder.hpp"
#include "ddl/options.hpp"

namespace flick::ddl {
namespace {

using sqlparse::is_set;

constexpr std::size_t kMaxNameBytes = 63;

// ChooseIndexColumnNames: each element's name ("expr" when PostgreSQL cannot pick one), made
// unique within the index by appending digits.
std::vector<std::string> index_column_names(const PgQuery__IndexStmt& statement) {
  std::vector<std::string> names;
  auto add = [&](const PgQuery__IndexElem& element) {
    std::string original = is_set(element.indexcolname) ? element.indexcolname
                           : is_set(element.name)
                               ? element.name
                               : sqlparse::index_expression_column_name(element.expr);
    if (original.empty()) original = "expr";
    std::string name = original;
    for (int i = 1; std::find(names.begin(), names.end(), name) != names.end(); ++i) {
      std::string digits = std::to_string(i);
      std::size_t keep = std::min(original.size(), kMaxNameBytes - digits.size());
      while (keep > 0 && (static_cast<unsigned char>(original[keep]) & 0xC0) == 0x80) --keep;
      name = original.substr(0, keep) + digits;
    }
    names.push_back(name);
  };
  for (std::size_t i = 0; i < statement.n_index_params; ++i) {
    add(*statement.index_params[i]->index_elem);
  }
  for (std::size_t i = 0; i < statement.n_index_including_params; ++i) {
    add(*statement.index_including_params[i]->index_elem);
  }
  return names;
}

// A plain column, possibly written as an expression in parentheses: `(email)`.
std::string column_of(const PgQuery__IndexElem& element) {
  if (is_set(element.name)) return element.name;
  if (element.expr != nullptr && element.expr->node_case == PG_QUERY__NODE__NODE_COLUMN_REF &&
      element.expr->column_ref->n_fields == 1 &&
      element.expr->column_ref->fields[0]->node_case == PG_QUERY__NODE__NODE_STRING) {
    return sqlparse::string_value(element.expr->column_ref->fields[0]);
  }
  return "";
}

model::IndexElement transform_element(PgQuery__IndexElem& element, const model::Table& table,
                                      bool check_columns, int location, const Source& source) {
  if (element.n_collation != 0)
    source.unsupported(location, "unsupported clause COLLATE in an index");
  if (element.n_opclassopts != 0) {
    source.unsupported(location, "unsupported clause: operator class options in an index");
  }
  model::IndexElement result;
  std::string column = column_of(element);
  if (!column.empty()) {
    if (check_columns && model::find_column(table, column) == nullptr) {
      source.fail(location, fmt::format("index names column \"{}\", which table \"{}\" does not "
                                        "have",
                                        column, table.name));
    }
    result.expression = column;
  } else {
    result.expression =
        sqlparse::deparse_table_expression_node(element.expr, table.schema, table.name);
    result.is_expression = true;
  }
  for (const std::string& part : string_list(element.opclass, element.n_opclass)) {
    result.opclass += (result.opclass.empty() ? "" : ".") + part;
  }
  switch (element.ordering) {
    case PG_QUERY__SORT_BY_DIR__SORTBY_DESC:
      result.asc = false;
      break;
    case PG_QUERY__SORT_BY_DIR__SORTBY_USING:
      source.unsupported(location, "unsupported clause USING <operator> in an index");
    default:
      break;
  }
  switch (element.nulls_ordering) {
    case PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_FIRST:
      result.nulls = "first";
      break;
    case PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_LAST:
      result.nulls = "last";
      break;
    default:
      break;
  }
  return result;
}

}  // namespace

void transform_index(PgQuery__IndexStmt& statement, const Source& source, CatalogBuilder& builder) {
  int location = statement.relation->location;
  if (is_set(statement.table_space)) source.unsupported(location, "unsupported clause TABLESPACE");
  if (statement.n_exclude_op_names != 0) source.unsupported(location, "unsupported clause EXCLUDE");
  QualifiedName table_name = qualified_name(statement.relation, source);
  // An index on a materialized view: its columns are the query's, which the model does not
  // list, so they are not checked here (PostgreSQL checks them when the migration runs).
  model::View* view = nullptr;
  for (model::View& candidate : builder.catalog().views) {
    if (candidate.materialized && candidate.schema == table_name.schema &&
        candidate.name == table_name.name) {
      view = &candidate;
    }
  }
  model::Table view_shape;
  if (view != nullptr) {
    view_shape.schema = view->schema;
    view_shape.name = view->name;
  }
  model::Table& table = view != nullptr ? view_shape : builder.table(table_name, location, source);
  bool check_columns = view == nullptr;

  model::Index index;
  index.unique = statement.unique;
  index.nulls_not_distinct = statement.nulls_not_distinct;
  index.concurrently = statement.concurrent;
  if (is_set(statement.access_method)) index.method = statement.access_method;
  for (std::size_t i = 0; i < statement.n_index_params; ++i) {
    index.elements.push_back(transform_element(*statement.index_params[i]->index_elem, table,
                                               check_columns, location, source));
  }
  for (std::size_t i = 0; i < statement.n_index_including_params; ++i) {
    std::string column = column_of(*statement.index_including_params[i]->index_elem);
    if (column.empty() || (check_columns && model::find_column(table, column) == nullptr)) {
      source.fail(location, "INCLUDE must name columns of the table");
    }
    index.include.push_back(column);
  }
  if (statement.where_clause != nullptr) {
    index.where =
        sqlparse::deparse_table_expression_node(statement.where_clause, table.schema, table.name);
  }
  index.with = read_storage_parameters(statement.options, statement.n_options, source);

  if (is_set(statement.idxname)) {
    index.name = statement.idxname;
    if (!builder.claim_relation_name(table.schema, index.name)) {
      if (statement.if_not_exists) return;
      source.fail(-1, fmt::format("relation \"{}\" is already defined", index.name));
    }
  } else {
    index.name = builder.choose_relation_name(table.schema, table.name,
                                              index_column_names(statement), "idx", false);
  }
  (view != nullptr ? view->indexes : table.indexes).push_back(std::move(index));
}

}  // namespace flick::ddl
