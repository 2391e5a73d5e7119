// The texts of PARTITION BY and of a partition bound, from the parse tree (schema files) or from
// PostgreSQL's own printing (pg_get_partkeydef, pg_get_expr(relpartbound)) parsed again, so that
// both sides compare equal.

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "flick/error.hpp"
#include "sqlparse/parse_tree.hpp"

namespace flick::sqlparse {
namespace {

std::string upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return text;
}

std::string qualified_list(Node** items, std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) {
    std::string part = string_value(items[i]);
    if (i == 0 && count == 2 && part == "pg_catalog") continue;
    if (!out.empty()) out += ".";
    out += quote_identifier(part);
  }
  return out;
}

// One datum of a bound: a literal, an expression, or MINVALUE / MAXVALUE (a bare column name).
std::string datum_text(Node* datum) {
  if (datum->node_case == PG_QUERY__NODE__NODE_COLUMN_REF && datum->column_ref->n_fields == 1 &&
      datum->column_ref->fields[0]->node_case == PG_QUERY__NODE__NODE_STRING) {
    std::string word = upper(string_value(datum->column_ref->fields[0]));
    if (word == "MINVALUE" || word == "MAXVALUE") return word;
  }
  return deparse_expression_node(datum);
}

std::string datum_list(Node** items, std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) out += (i == 0 ? "" : ", ") + datum_text(items[i]);
  return out;
}

std::unique_ptr<ParsedSql> parse_create(const std::string& text, std::string_view what,
                                        std::string_view written, const std::string& context) {
  SyntaxError error;
  std::unique_ptr<ParsedSql> parsed = try_parse_sql(text, context, &error);
  std::string where = context.empty() ? "" : context + ": ";
  if (parsed == nullptr || parsed->size() != 1 ||
      parsed->statement(0).stmt->node_case != PG_QUERY__NODE__NODE_CREATE_STMT) {
    throw UserError(fmt::format("{}invalid {} `{}`{}", where, what, written,
                                parsed == nullptr ? ": " + error.message : ""));
  }
  return parsed;
}

}  // namespace

std::string partition_key_text(const PgQuery__PartitionSpec& spec) {
  std::string out = upper(spec.strategy) + " (";
  for (std::size_t i = 0; i < spec.n_part_params; ++i) {
    const PgQuery__PartitionElem& element = *spec.part_params[i]->partition_elem;
    if (i > 0) out += ", ";
    out += is_set(element.name) ? quote_identifier(element.name)
                                : "(" + deparse_expression_node(element.expr) + ")";
    if (element.n_collation != 0) {
      out += " COLLATE " + qualified_list(element.collation, element.n_collation);
    }
    if (element.n_opclass != 0) out += " " + qualified_list(element.opclass, element.n_opclass);
  }
  return out + ")";
}

std::string partition_bound_text(const PgQuery__PartitionBoundSpec& bound) {
  if (bound.is_default) return "DEFAULT";
  std::string strategy = bound.strategy;
  if (strategy == "h") {
    return fmt::format("FOR VALUES WITH (modulus {}, remainder {})", bound.modulus,
                       bound.remainder);
  }
  if (strategy == "l") {
    return "FOR VALUES IN (" + datum_list(bound.listdatums, bound.n_listdatums) + ")";
  }
  return "FOR VALUES FROM (" + datum_list(bound.lowerdatums, bound.n_lowerdatums) + ") TO (" +
         datum_list(bound.upperdatums, bound.n_upperdatums) + ")";
}

std::string normalise_partition_key(std::string_view key, const std::string& context) {
  std::unique_ptr<ParsedSql> parsed = parse_create(
      "CREATE TABLE t () PARTITION BY " + std::string(key), "partition key", key, context);
  const PgQuery__CreateStmt& create = *parsed->statement(0).stmt->create_stmt;
  if (create.partspec == nullptr) {
    throw UserError(fmt::format("{}: `{}` is not a partition key", context, key));
  }
  return partition_key_text(*create.partspec);
}

std::string normalise_partition_bound(std::string_view bound, const std::string& context) {
  std::unique_ptr<ParsedSql> parsed = parse_create(
      "CREATE TABLE t PARTITION OF p " + std::string(bound), "partition bound", bound, context);
  const PgQuery__CreateStmt& create = *parsed->statement(0).stmt->create_stmt;
  if (create.partbound == nullptr) {
    throw UserError(fmt::format("{}: `{}` is not a partition bound", context, bound));
  }
  return partition_bound_text(*create.partbound);
}

}  // namespace flick::sqlparse
