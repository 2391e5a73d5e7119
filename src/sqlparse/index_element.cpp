// One index element written as text (what drizzle keeps for an sql`` index element) read with
// the PostgreSQL grammar, the way CREATE INDEX reads it.

#include <fmt/format.h>

#include "flick/error.hpp"
#include "sqlparse/parse_tree.hpp"

namespace flick::sqlparse {

namespace {

// `expr opclass` with an expression CREATE INDEX would want in parentheses
// (`"embedding"::vector(1536) vector_cosine_ops`): the same with them.
std::string parenthesised(std::string_view text) {
  std::size_t space = text.find_last_of(" \t\n");
  if (space == std::string_view::npos) return "";
  std::string_view last = text.substr(space + 1);
  if (last.empty() ||
      last.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string_view::npos) {
    return "";
  }
  return fmt::format("({}) {}", text.substr(0, space), last);
}

}  // namespace

IndexElementParts parse_index_element(std::string_view text) {
  SyntaxError error;
  std::unique_ptr<ParsedSql> parsed =
      try_parse_sql(fmt::format("CREATE INDEX i ON t ({})", text), "index element", &error);
  if (std::string retry = parenthesised(text); parsed == nullptr && !retry.empty()) {
    SyntaxError ignored;
    parsed =
        try_parse_sql(fmt::format("CREATE INDEX i ON t ({})", retry), "index element", &ignored);
  }
  const PgQuery__IndexStmt* index = nullptr;
  if (parsed != nullptr && parsed->size() == 1 &&
      parsed->statement(0).stmt->node_case == PG_QUERY__NODE__NODE_INDEX_STMT) {
    index = parsed->statement(0).stmt->index_stmt;
  }
  if (index == nullptr || index->n_index_params != 1 ||
      index->index_params[0]->node_case != PG_QUERY__NODE__NODE_INDEX_ELEM) {
    throw UserError(fmt::format("`{}` is not one index element{}", text,
                                parsed == nullptr ? ": " + error.message : ""));
  }
  const PgQuery__IndexElem& element = *index->index_params[0]->index_elem;
  IndexElementParts parts;
  if (is_set(element.name)) {
    parts.column = element.name;
  } else if (element.expr->node_case == PG_QUERY__NODE__NODE_COLUMN_REF &&
             element.expr->column_ref->n_fields == 1 &&
             element.expr->column_ref->fields[0]->node_case == PG_QUERY__NODE__NODE_STRING) {
    parts.column = string_value(element.expr->column_ref->fields[0]);
  } else {
    parts.expression = deparse_expression_node(element.expr);
  }
  for (std::size_t i = 0; i < element.n_opclass; ++i) {
    parts.opclass +=
        (parts.opclass.empty() ? "" : ".") + std::string(string_value(element.opclass[i]));
  }
  parts.asc = element.ordering != PG_QUERY__SORT_BY_DIR__SORTBY_DESC;
  if (element.nulls_ordering == PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_FIRST) parts.nulls = "first";
  if (element.nulls_ordering == PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_LAST) parts.nulls = "last";
  return parts;
}

}  // namespace flick::sqlparse
