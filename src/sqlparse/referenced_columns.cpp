#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "flick/error.hpp"
#include "sqlparse/parse_tree.hpp"

namespace flick::sqlparse {

std::vector<std::string> referenced_columns(Node* expression) {
  std::vector<std::string> columns;
  visit_messages(&expression->base, [&](ProtobufCMessage* message) {
    if (message->descriptor != &pg_query__column_ref__descriptor) return;
    auto* ref = reinterpret_cast<PgQuery__ColumnRef*>(message);
    const Node* last = ref->fields[ref->n_fields - 1];
    if (last->node_case != PG_QUERY__NODE__NODE_STRING) return;  // `t.*`
    std::string name = string_value(last);
    if (std::find(columns.begin(), columns.end(), name) == columns.end()) {
      columns.push_back(std::move(name));
    }
  });
  return columns;
}

std::vector<std::string> constraint_columns(std::string_view definition) {
  SyntaxError error;
  std::unique_ptr<ParsedSql> parsed =
      try_parse_sql("ALTER TABLE t ADD " + std::string(definition), "constraint", &error);
  if (parsed == nullptr) {
    throw UserError(fmt::format("invalid constraint `{}`: {}", definition, error.message));
  }
  Node* statement = parsed->statement(0).stmt;
  std::vector<std::string> columns = referenced_columns(statement);
  visit_messages(&statement->base, [&](ProtobufCMessage* message) {
    if (message->descriptor != &pg_query__index_elem__descriptor) return;
    auto* element = reinterpret_cast<PgQuery__IndexElem*>(message);
    if (!is_set(element->name)) return;
    std::string name = element->name;
    if (std::find(columns.begin(), columns.end(), name) == columns.end()) {
      columns.push_back(std::move(name));
    }
  });
  return columns;
}

std::vector<std::string> referenced_columns(std::string_view normalised_expression) {
  thread_local std::unordered_map<std::string, std::vector<std::string>> cache;
  std::string key(normalised_expression);
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  SyntaxError error;
  std::unique_ptr<ParsedSql> parsed = try_parse_sql("SELECT " + key, "expression", &error);
  if (parsed == nullptr) {
    throw UserError(fmt::format("invalid expression `{}`: {}", key, error.message));
  }
  std::vector<std::string> columns = referenced_columns(parsed->statement(0).stmt);
  return cache.emplace(std::move(key), std::move(columns)).first->second;
}

}  // namespace flick::sqlparse
